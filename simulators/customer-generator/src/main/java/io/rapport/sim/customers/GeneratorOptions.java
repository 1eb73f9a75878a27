package io.rapport.sim.customers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a generation run depends on. Equal options give byte-identical output. Build with
 * {@link #builder()}; the defaults are the ones the CLI uses.
 *
 * @param seed                  seed of every random choice
 * @param entities              number of entities (people) to generate, or 0 when {@code records} is the target
 * @param records               number of records to generate, or 0 when {@code entities} is the target; the last
 *                              entity's duplicates are cut short to hit it exactly
 * @param profile               generic or FEBRL-like population and formats
 * @param sources               source system names, one CSV file each; records are spread evenly across them
 * @param duplicateRatio        share of entities that get duplicates (0..1)
 * @param maxDuplicates         most duplicates one entity gets (besides its original record)
 * @param duplicateDistribution how the number of duplicates of a duplicated entity is drawn
 * @param maxModifications      most corruptions one duplicate carries; each carries at least one
 * @param corruptionWeights     relative weight of each corruption; missing ones weigh 0
 * @param noiseRatio            share of records (originals too) with mild noise: letter case, abbreviations,
 *                              extra blanks, other phone/postcode/id formatting
 * @param invalidRatio          share of records with one invalid value (impossible date, "n/a" phone, broken e-mail)
 * @param shuffleWindow         rows buffered per source and written in random order, so that an entity's records
 *                              do not sit next to each other in the files; 0 writes in generation order
 */
public record GeneratorOptions(
        long seed,
        long entities,
        long records,
        Profile profile,
        List<String> sources,
        double duplicateRatio,
        int maxDuplicates,
        DuplicateDistribution duplicateDistribution,
        int maxModifications,
        Map<Corruption, Double> corruptionWeights,
        double noiseRatio,
        double invalidRatio,
        int shuffleWindow) {

    public static final List<String> DEFAULT_SOURCES = List.of("crm", "erp", "webshop");

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public GeneratorOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(duplicateDistribution, "duplicateDistribution");
        if (entities < 0 || records < 0 || (entities > 0) == (records > 0)) {
            throw new IllegalArgumentException("set exactly one of entities and records to a positive number; got entities="
                    + entities + ", records=" + records);
        }
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("at least one source is needed");
        }
        sources = List.copyOf(sources);
        Set<String> seen = new HashSet<>();
        for (String source : sources) {
            if (!SOURCE_NAME.matcher(source).matches()) {
                throw new IllegalArgumentException("source name must be 1-64 letters, digits, '_', '.' or '-', starting"
                        + " with a letter or digit: '" + source + "'");
            }
            if (!seen.add(source)) {
                throw new IllegalArgumentException("source listed twice: " + source);
            }
        }
        requireRatio("duplicateRatio", duplicateRatio);
        requireRatio("noiseRatio", noiseRatio);
        requireRatio("invalidRatio", invalidRatio);
        if (maxDuplicates < 0) {
            throw new IllegalArgumentException("maxDuplicates must be 0 or more: " + maxDuplicates);
        }
        if (maxModifications < 1) {
            throw new IllegalArgumentException("maxModifications must be 1 or more: " + maxModifications);
        }
        if (shuffleWindow < 0) {
            throw new IllegalArgumentException("shuffleWindow must be 0 or more: " + shuffleWindow);
        }
        Map<Corruption, Double> weights = new EnumMap<>(Corruption.class);
        if (corruptionWeights == null) {
            weights.putAll(Corruption.defaultWeights(profile));
        } else {
            weights.putAll(corruptionWeights);
        }
        double total = 0;
        for (Map.Entry<Corruption, Double> e : weights.entrySet()) {
            Double w = e.getValue();
            if (w == null || !(w >= 0) || w.isInfinite()) {
                throw new IllegalArgumentException("corruption weight must be 0 or more: " + e.getKey() + "=" + w);
            }
            total += w;
        }
        if (total <= 0 && duplicateRatio > 0 && maxDuplicates > 0) {
            throw new IllegalArgumentException("duplicates need at least one corruption with a positive weight");
        }
        corruptionWeights = Collections.unmodifiableMap(weights);
    }

    private static void requireRatio(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.entities = entities;
        b.records = records;
        b.profile = profile;
        b.sources = sources;
        b.duplicateRatio = duplicateRatio;
        b.maxDuplicates = maxDuplicates;
        b.duplicateDistribution = duplicateDistribution;
        b.maxModifications = maxModifications;
        b.corruptionWeights = corruptionWeights;
        b.noiseRatio = noiseRatio;
        b.invalidRatio = invalidRatio;
        b.shuffleWindow = shuffleWindow;
        return b;
    }

    /** Defaults: seed 42, 10,000 records, generic, crm/erp/webshop, 40% duplicated, up to 5 duplicates (Zipf), up to
     * 3 corruptions each, the profile's corruption weights, 10% noise, 1% invalid values, shuffle window 10,000. */
    public static final class Builder {
        private long seed = 42;
        private long entities;
        private long records = 10_000;
        private Profile profile = Profile.GENERIC;
        private List<String> sources = DEFAULT_SOURCES;
        private double duplicateRatio = 0.4;
        private int maxDuplicates = 5;
        private DuplicateDistribution duplicateDistribution = DuplicateDistribution.ZIPF;
        private int maxModifications = 3;
        private Map<Corruption, Double> corruptionWeights;
        private double noiseRatio = 0.1;
        private double invalidRatio = 0.01;
        private int shuffleWindow = 10_000;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Target a number of entities (people); clears a record target. */
        public Builder entities(long entities) {
            this.entities = entities;
            this.records = 0;
            return this;
        }

        /** Target a number of records; clears an entity target. */
        public Builder records(long records) {
            this.records = records;
            this.entities = 0;
            return this;
        }

        /** Also resets the corruption weights to the new profile's defaults unless set explicitly afterwards. */
        public Builder profile(Profile profile) {
            this.profile = profile;
            this.corruptionWeights = null;
            return this;
        }

        public Builder sources(List<String> sources) {
            this.sources = sources;
            return this;
        }

        public Builder sources(String... sources) {
            this.sources = List.of(sources);
            return this;
        }

        public Builder duplicateRatio(double duplicateRatio) {
            this.duplicateRatio = duplicateRatio;
            return this;
        }

        public Builder maxDuplicates(int maxDuplicates) {
            this.maxDuplicates = maxDuplicates;
            return this;
        }

        public Builder duplicateDistribution(DuplicateDistribution duplicateDistribution) {
            this.duplicateDistribution = duplicateDistribution;
            return this;
        }

        public Builder maxModifications(int maxModifications) {
            this.maxModifications = maxModifications;
            return this;
        }

        /** Replaces all weights; corruptions not in the map weigh 0. Null restores the profile's defaults. */
        public Builder corruptionWeights(Map<Corruption, Double> corruptionWeights) {
            this.corruptionWeights = corruptionWeights;
            return this;
        }

        /** Changes one weight, starting from the profile's defaults if none were set. */
        public Builder corruptionWeight(Corruption corruption, double weight) {
            Map<Corruption, Double> weights = new EnumMap<>(Corruption.class);
            weights.putAll(corruptionWeights != null ? corruptionWeights : Corruption.defaultWeights(profile));
            weights.put(corruption, weight);
            this.corruptionWeights = weights;
            return this;
        }

        public Builder noiseRatio(double noiseRatio) {
            this.noiseRatio = noiseRatio;
            return this;
        }

        public Builder invalidRatio(double invalidRatio) {
            this.invalidRatio = invalidRatio;
            return this;
        }

        public Builder shuffleWindow(int shuffleWindow) {
            this.shuffleWindow = shuffleWindow;
            return this;
        }

        public GeneratorOptions build() {
            return new GeneratorOptions(seed, entities, records, profile, new ArrayList<>(sources), duplicateRatio,
                    maxDuplicates, duplicateDistribution, maxModifications, corruptionWeights, noiseRatio, invalidRatio,
                    shuffleWindow);
        }
    }
}
