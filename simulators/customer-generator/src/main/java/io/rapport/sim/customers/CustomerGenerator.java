package io.rapport.sim.customers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates synthetic person records with known duplicates across several sources, in the hub's customer CSV
 * import contract, plus the ground truth that says which records belong to the same person.
 *
 * <p>Output is streamed: people are made household by household and each person's records are written at once
 * (through a bounded per-source shuffle window), so memory does not grow with the number of records. Equal
 * {@link GeneratorOptions} give byte-identical output.
 *
 * <pre>{@code
 * GeneratorOptions options = GeneratorOptions.builder().seed(7).records(100_000).build();
 * GenerationResult result = new CustomerGenerator(options).generate(Path.of("out"));
 * }</pre>
 */
public final class CustomerGenerator {

    /** Header of the ground truth file: one line per generated record. */
    public static final String TRUTH_HEADER = "source,source_id,entity_id";
    /** Name of the ground truth file {@link #generate(Path)} writes next to the source files. */
    public static final String TRUTH_FILE = "truth.csv";

    private static final Column[] COMPLETENESS_VARIES = {Column.ORGANIZATION, Column.EMAIL, Column.PHONE,
        Column.REGION, Column.COUNTRY, Column.BIRTH_DATE, Column.NATIONAL_ID, Column.SOCIAL_HANDLE};
    private static final Picker<PhoneStyle> GENERIC_PHONE_STYLE = Picker.weighted(
            List.of(PhoneStyle.NATIONAL, PhoneStyle.INTERNATIONAL, PhoneStyle.E164, PhoneStyle.DIGITS, PhoneStyle.IDD),
            new double[] {55, 20, 15, 7, 3});

    private final GeneratorOptions options;

    public CustomerGenerator(GeneratorOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public GeneratorOptions options() {
        return options;
    }

    /** The header every source file gets: the profile's contract columns. */
    public List<String> header() {
        return options.profile().columns();
    }

    /**
     * Writes {@code <source>.csv} for every source and {@code truth.csv} into {@code directory} (created if needed),
     * replacing files of those names.
     */
    public GenerationResult generate(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Writer> writers = new LinkedHashMap<>();
        Writer truth = null;
        try {
            for (String source : options.sources()) {
                writers.put(source, open(directory.resolve(source + ".csv")));
            }
            truth = open(directory.resolve(TRUTH_FILE));
            return generate(writers, truth);
        } finally {
            IOException failure = null;
            for (Writer w : writers.values()) {
                failure = closeQuietly(w, failure);
            }
            if (truth != null) {
                failure = closeQuietly(truth, failure);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private static IOException closeQuietly(Writer w, IOException failure) {
        try {
            w.close();
        } catch (IOException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * Writes one CSV per source ({@code csvPerSource} must have exactly the options' sources as keys) and the ground
     * truth ({@code source,source_id,entity_id}). The writers are flushed, not closed.
     */
    public GenerationResult generate(Map<String, ? extends Writer> csvPerSource, Writer truth) throws IOException {
        Objects.requireNonNull(truth, "truth");
        if (!new HashSet<>(options.sources()).equals(csvPerSource.keySet())) {
            throw new IllegalArgumentException("need one writer per source " + options.sources() + "; got "
                    + csvPerSource.keySet());
        }
        return new Run(csvPerSource, truth).run();
    }

    /** The state of one generation run. */
    private final class Run {

        private final Profile profile = options.profile();
        private final Column[] columns = profile.columnArray();
        private final boolean lowerCase = profile == Profile.FEBRL;
        private final SplittableRandom population;
        private final SplittableRandom records;
        private final PersonFactory factory;
        private final Corruptor corruptor;
        private final Picker<Corruption> corruptionPicker;
        private final SourceSink[] sinks;
        private final double[][] completeness;
        private final Writer truth;
        private final String[] row;
        private final StringBuilder line = new StringBuilder(256);
        private final StringBuilder truthLine = new StringBuilder(64);
        private final long[] corruptionCounts = new long[Corruption.values().length];
        private long entities;
        private long written;
        private long duplicatedEntities;
        private long duplicateRecords;
        private long noisy;
        private long invalid;

        Run(Map<String, ? extends Writer> csvPerSource, Writer truth) {
            SplittableRandom root = new SplittableRandom(options.seed());
            this.population = root.split();
            this.records = root.split();
            SplittableRandom sinkRandom = root.split();
            SplittableRandom completenessRandom = root.split();
            Catalog catalog = Catalog.get();
            this.factory = new PersonFactory(catalog, profile);
            this.corruptor = new Corruptor(catalog, factory, profile, records);
            this.corruptionPicker = corruptionPicker(options.corruptionWeights());
            List<String> sources = options.sources();
            this.sinks = new SourceSink[sources.size()];
            this.completeness = new double[sources.size()][];
            for (int i = 0; i < sinks.length; i++) {
                sinks[i] = new SourceSink(sources.get(i), csvPerSource.get(sources.get(i)), profile, sinkRandom.split(),
                        options.shuffleWindow());
                completeness[i] = completeness(completenessRandom);
            }
            this.truth = truth;
            this.row = new String[columns.length];
        }

        private static Picker<Corruption> corruptionPicker(Map<Corruption, Double> weights) {
            List<Corruption> kinds = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            for (Map.Entry<Corruption, Double> e : weights.entrySet()) {
                if (e.getValue() > 0) {
                    kinds.add(e.getKey());
                    w.add(e.getValue());
                }
            }
            return kinds.isEmpty() ? null : Picker.weighted(kinds, w.stream().mapToDouble(Double::doubleValue).toArray());
        }

        /** How often a source fills each column: systems differ (a webshop rarely knows a national id). */
        private double[] completeness(SplittableRandom r) {
            double[] c = new double[Column.COUNT];
            if (profile == Profile.GENERIC) {
                c[Column.ORGANIZATION.ordinal()] = 0.9;
                c[Column.EMAIL.ordinal()] = 0.92;
                c[Column.SOCIAL_HANDLE.ordinal()] = 0.8;
                c[Column.PHONE.ordinal()] = 0.85;
                c[Column.STREET.ordinal()] = 0.95;
                c[Column.REGION.ordinal()] = 0.8;
                c[Column.COUNTRY.ordinal()] = 0.92;
                c[Column.BIRTH_DATE.ordinal()] = 0.8;
                c[Column.NATIONAL_ID.ordinal()] = 0.55;
            } else {
                c[Column.PHONE.ordinal()] = 0.35;
                c[Column.STREET.ordinal()] = 0.97;
                c[Column.REGION.ordinal()] = 0.97;
                c[Column.BIRTH_DATE.ordinal()] = 0.95;
                c[Column.NATIONAL_ID.ordinal()] = 0.97;
            }
            double spread = profile == Profile.GENERIC ? 0.4 : 0.1;
            for (Column column : COMPLETENESS_VARIES) {
                c[column.ordinal()] *= 1 - spread * r.nextDouble();
            }
            return c;
        }

        GenerationResult run() throws IOException {
            StringBuilder header = new StringBuilder(200);
            CsvWriter.appendRow(header, options.profile().columns().toArray(new String[0]));
            for (SourceSink sink : sinks) {
                sink.header(header.toString());
            }
            truth.write(TRUTH_HEADER + CsvWriter.LINE_END);
            long entityTarget = options.entities() > 0 ? options.entities() : Long.MAX_VALUE;
            long recordTarget = options.records() > 0 ? options.records() : Long.MAX_VALUE;
            outer:
            while (true) {
                for (Person person : factory.nextHousehold(population)) {
                    if (entities >= entityTarget || written >= recordTarget) {
                        break outer;
                    }
                    emitEntity(person, recordTarget - written);
                }
            }
            for (SourceSink sink : sinks) {
                sink.finish();
            }
            truth.flush();
            Map<String, Long> perSource = new LinkedHashMap<>();
            for (SourceSink sink : sinks) {
                perSource.put(sink.name, sink.written());
            }
            Map<Corruption, Long> corruptions = new EnumMap<>(Corruption.class);
            for (Corruption c : Corruption.values()) {
                corruptions.put(c, corruptionCounts[c.ordinal()]);
            }
            return new GenerationResult(entities, written, perSource, duplicatedEntities, duplicateRecords, corruptions,
                    noisy, invalid);
        }

        private void emitEntity(Person person, long recordsLeft) throws IOException {
            int copies = 1;
            if (records.nextDouble() < options.duplicateRatio() && options.maxDuplicates() > 0
                    && corruptionPicker != null) {
                copies += options.duplicateDistribution().draw(options.maxDuplicates(), records);
            }
            copies = (int) Math.min(copies, recordsLeft);
            entities++;
            if (copies > 1) {
                duplicatedEntities++;
                duplicateRecords += copies - 1;
            }
            String entityId = person.entityId();
            for (int copy = 0; copy < copies; copy++) {
                int source = records.nextInt(sinks.length);
                Draft draft = render(person, source);
                if (copy > 0) {
                    corrupt(draft);
                }
                if (records.nextDouble() < options.noiseRatio() && corruptor.noise(draft)) {
                    noisy++;
                }
                if (records.nextDouble() < options.invalidRatio() && corruptor.invalid(draft)) {
                    invalid++;
                }
                write(draft, sinks[source], entityId);
            }
        }

        private void corrupt(Draft draft) {
            int modifications = 1 + records.nextInt(options.maxModifications());
            for (int i = 0; i < modifications; i++) {
                for (int attempt = 0; attempt < 8; attempt++) {
                    Corruption c = corruptionPicker.pick(records);
                    if (corruptor.apply(c, draft)) {
                        corruptionCounts[c.ordinal()]++;
                        break;
                    }
                }
            }
        }

        private Draft render(Person p, int source) {
            double[] c = completeness[source];
            SplittableRandom r = records;
            Draft d = new Draft(p);
            d.set(Column.GIVEN_NAME, p.given);
            d.set(Column.FAMILY_NAME, p.family);
            if (p.organization != null && r.nextDouble() < c[Column.ORGANIZATION.ordinal()]) {
                d.set(Column.ORGANIZATION, p.organization);
            }
            if (p.email != null && r.nextDouble() < c[Column.EMAIL.ordinal()]) {
                d.set(Column.EMAIL, p.email);
            }
            if (p.socialHandle != null && r.nextDouble() < c[Column.SOCIAL_HANDLE.ordinal()]) {
                d.set(Column.SOCIAL_HANDLE, p.socialHandle);
            }
            if (r.nextDouble() < c[Column.PHONE.ordinal()]) {
                d.phone = p.phone;
                d.phoneStyle = profile == Profile.GENERIC ? GENERIC_PHONE_STYLE.pick(r) : PhoneStyle.NATIONAL;
            }
            Address a = p.address;
            if (r.nextDouble() < c[Column.STREET.ordinal()]) {
                d.set(Column.STREET_NUMBER, a.streetNumber());
                d.set(Column.STREET, a.street());
                d.set(Column.ADDRESS_LINE2, a.line2());
                d.set(Column.LOCALITY, a.locality().name());
                d.set(Column.POSTCODE, a.postcode());
                if (r.nextDouble() < c[Column.REGION.ordinal()]) {
                    d.set(Column.REGION, a.locality().region());
                }
            }
            if (profile == Profile.GENERIC && r.nextDouble() < c[Column.COUNTRY.ordinal()]) {
                d.set(Column.COUNTRY, p.country.countryName(r));
            }
            if (r.nextDouble() < c[Column.BIRTH_DATE.ordinal()]) {
                d.birth = p.birth;
                d.dateStyle = profile == Profile.FEBRL ? DateStyle.COMPACT : DateStyle.ISO;
            }
            if (r.nextDouble() < c[Column.NATIONAL_ID.ordinal()]) {
                d.set(Column.NATIONAL_ID, p.nationalId);
            }
            return d;
        }

        private void write(Draft draft, SourceSink sink, String entityId) throws IOException {
            String id = sink.nextId();
            draft.fill(row, columns, id, lowerCase);
            line.setLength(0);
            CsvWriter.appendRow(line, row);
            sink.write(line.toString());
            truthLine.setLength(0);
            truthLine.append(sink.name).append(',').append(id).append(',').append(entityId).append(CsvWriter.LINE_END);
            truth.write(truthLine.toString());
            written++;
        }
    }
}
