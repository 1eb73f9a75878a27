package io.rapport.bench;

import io.rapport.core.match.MatchSettings;
import io.rapport.sim.customers.CustomerGenerator;
import io.rapport.sim.customers.EvaluationResult;
import io.rapport.sim.customers.GeneratorOptions;
import io.rapport.sim.customers.PairwiseEvaluation;
import io.rapport.sim.customers.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Match quality and core resolution cost on generated records with known duplicates, with default settings:
 * pairwise precision, recall and F1 of the resulting clusters against the generator's ground truth.
 *
 * <p>Usage: {@code MatchQualityBenchmark [records] [profile generic|febrl] [defaultRegion] [seed]}
 */
public final class MatchQualityBenchmark {

    private MatchQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        Profile profile = args.length > 1 ? Profile.parse(args[1]) : Profile.FEBRL;
        String region = args.length > 2 ? args[2] : (profile == Profile.FEBRL ? "AU" : "NO");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Outcome outcome = run(records, profile, region, seed);
        System.out.printf("profile=%s records=%d region=%s seed=%d%n", profile.label(), outcome.records(), region, seed);
        System.out.println(outcome.evaluation().summary());
        System.out.printf("resolution: %.0f records/s (normalize + block + score + cluster, in memory, one thread)%n",
                outcome.records() / outcome.seconds());
    }

    public record Outcome(EvaluationResult evaluation, long records, double seconds) {
    }

    public static Outcome run(long records, Profile profile, String defaultRegion, long seed) throws IOException {
        GeneratorOptions options = GeneratorOptions.builder().seed(seed).records(records).profile(profile).build();
        Map<String, StringWriter> files = new LinkedHashMap<>();
        options.sources().forEach(source -> files.put(source, new StringWriter()));
        StringWriter truth = new StringWriter();
        new CustomerGenerator(options).generate(files, truth);

        MatchSettings settings = MatchSettings.defaults();
        Integer maxBlockSize = Integer.getInteger("bench.maxBlockSize");
        Integer singleKeyMaxBlockSize = Integer.getInteger("bench.singleKeyMaxBlockSize");
        if (maxBlockSize != null || singleKeyMaxBlockSize != null) { // to try blocking bounds without editing config
            settings = new MatchSettings(settings.matchThreshold(), settings.reviewThreshold(), settings.fields(),
                    settings.deterministic(), new MatchSettings.Blocking(settings.blocking().keys(), maxBlockSize,
                            singleKeyMaxBlockSize));
        }
        OfflineResolution resolution = new OfflineResolution(defaultRegion, settings);
        long start = System.nanoTime();
        for (Map.Entry<String, StringWriter> file : files.entrySet()) {
            resolution.resolve(file.getKey(),
                    new ByteArrayInputStream(file.getValue().toString().getBytes(StandardCharsets.UTF_8)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        StringWriter xref = new StringWriter();
        resolution.writeXref(xref);
        EvaluationResult evaluation = PairwiseEvaluation.evaluate(new StringReader(xref.toString()),
                new StringReader(truth.toString()));
        return new Outcome(evaluation, resolution.records(), seconds);
    }
}
