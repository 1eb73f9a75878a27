package io.rapport.sim.customers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Command line front of {@link CustomerGenerator}: writes {@code DIR/<source>.csv} and {@code DIR/truth.csv}.
 *
 * <pre>
 * GenerateCustomers --records 100000 --out target/customers --seed 42 --profile generic --sources crm,erp,webshop
 * </pre>
 */
public final class GenerateCustomers {

    private static final String USAGE = """
            usage: GenerateCustomers [options]
              --records N             records to generate, over all sources (default 10000)
              --entities N            generate N people instead (each with 1 record plus any duplicates)
              --out DIR               output directory (default ./customers): <source>.csv per source and truth.csv
              --seed S                random seed; the same options and seed give identical files (default 42)
              --profile P             generic (NO/SE/DE/GB/US/FR) or febrl (FEBRL-like Australian) (default generic)
              --sources A,B,C         source names, one file each (default crm,erp,webshop)
              --duplicate-ratio R     share of people with duplicates, 0..1 (default 0.4)
              --max-duplicates N      most duplicates per person (default 5)
              --distribution D        number of duplicates: zipf, uniform or poisson (default zipf)
              --max-modifications N   most corruptions per duplicate, at least 1 each (default 3)
              --weight NAME=W         weight of one corruption (repeatable), e.g. --weight typo=30 --weight moved=0;
                                      names: %s
              --noise-ratio R         share of records with mild noise (default 0.1)
              --invalid-ratio R       share of records with one invalid value (default 0.01)
              --shuffle-window N      rows per source written in random order; 0 = generation order (default 10000)"""
            .formatted(String.join(", ", Arrays.stream(Corruption.values())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));

    private GenerateCustomers() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status (0 ok, 2 usage error, 1 failure). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        GeneratorOptions options;
        Path dir = Path.of("customers");
        try {
            GeneratorOptions.Builder b = GeneratorOptions.builder();
            Profile profile = Profile.GENERIC;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--profile")) {
                    profile = Profile.parse(EvaluateXref.value(args, i + 1, "--profile"));
                }
            }
            b.profile(profile);
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--records" -> b.records(Long.parseLong(value(args, ++i, option)));
                    case "--entities" -> b.entities(Long.parseLong(value(args, ++i, option)));
                    case "--out" -> dir = Path.of(value(args, ++i, option));
                    case "--seed" -> b.seed(Long.parseLong(value(args, ++i, option)));
                    case "--profile" -> i++;
                    case "--sources" -> b.sources(List.of(value(args, ++i, option).split("\\s*,\\s*")));
                    case "--duplicate-ratio" -> b.duplicateRatio(Double.parseDouble(value(args, ++i, option)));
                    case "--max-duplicates" -> b.maxDuplicates(Integer.parseInt(value(args, ++i, option)));
                    case "--distribution" -> b.duplicateDistribution(
                            DuplicateDistribution.valueOf(value(args, ++i, option).toUpperCase(Locale.ROOT)));
                    case "--max-modifications" -> b.maxModifications(Integer.parseInt(value(args, ++i, option)));
                    case "--weight" -> {
                        String spec = value(args, ++i, option);
                        int eq = spec.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--weight needs NAME=WEIGHT, got " + spec);
                        }
                        b.corruptionWeight(Corruption.valueOf(spec.substring(0, eq).strip().toUpperCase(Locale.ROOT)
                                .replace('-', '_')), Double.parseDouble(spec.substring(eq + 1)));
                    }
                    case "--noise-ratio" -> b.noiseRatio(Double.parseDouble(value(args, ++i, option)));
                    case "--invalid-ratio" -> b.invalidRatio(Double.parseDouble(value(args, ++i, option)));
                    case "--shuffle-window" -> b.shuffleWindow(Integer.parseInt(value(args, ++i, option)));
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            options = b.build();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            long start = System.nanoTime();
            GenerationResult result = new CustomerGenerator(options).generate(dir);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(summary(result, dir, options, seconds));
            return 0;
        } catch (Exception e) {
            err.println("generation failed: " + e);
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        return EvaluateXref.value(args, i, option);
    }

    static String summary(GenerationResult r, Path dir, GeneratorOptions options, double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "wrote %d records of %d entities to %s in %.1f s (profile %s, seed %d)%n",
                r.records(), r.entities(), dir, seconds, options.profile().label(), options.seed()));
        b.append("records per source:");
        for (Map.Entry<String, Long> e : r.recordsPerSource().entrySet()) {
            b.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        b.append(String.format(Locale.ROOT, "%nduplicated entities=%d duplicate records=%d noisy records=%d"
                + " invalid values=%d%ncorruptions:", r.duplicatedEntities(), r.duplicateRecords(), r.noisyRecords(),
                r.invalidValues()));
        for (Map.Entry<Corruption, Long> e : r.corruptions().entrySet()) {
            if (e.getValue() > 0) {
                b.append(' ').append(e.getKey().name().toLowerCase(Locale.ROOT)).append('=').append(e.getValue());
            }
        }
        b.append(System.lineSeparator()).append("truth: ").append(dir.resolve(CustomerGenerator.TRUTH_FILE));
        return b.toString();
    }
}
