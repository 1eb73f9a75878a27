package io.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.ingest.CustomerCsvReader;
import io.rapport.core.ingest.CustomerRowHandler;
import io.rapport.core.ingest.ImportLimits;
import io.rapport.core.ingest.RowRejection;
import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchDecision;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchResult;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.normalize.CustomerNormalizer;
import io.rapport.core.normalize.NormalizationSettings;
import io.rapport.sim.customers.CustomerGenerator;
import io.rapport.sim.customers.GeneratorOptions;
import io.rapport.sim.customers.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Resolution scores candidates with {@link MatchScorer#scoreIfLinkable}, which stops early on pairs that cannot
 * be linked. It must link exactly the pairs the full score links, with the same weight and rule: checked here on
 * every pair of generated records that share a blocking key, duplicates and strangers alike.
 */
class EarlyExitScoringTest {

    @ParameterizedTest
    @CsvSource({"FEBRL, AU, 3", "GENERIC, NO, 4"})
    void earlyExitLinksExactlyThePairsTheFullScoreLinks(Profile profile, String region, long seed) throws IOException {
        List<MatchProfile> profiles = generatedProfiles(profile, region, seed, 4_000);
        MatchSettings settings = MatchSettings.defaults();
        MatchScorer scorer = new MatchScorer(settings);
        BlockingKeys blocking = new BlockingKeys(settings.blocking());
        Map<String, List<MatchProfile>> blocks = new HashMap<>();
        for (MatchProfile p : profiles) {
            blocking.of(p).forEach(key -> blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(p));
        }

        int pairs = 0;
        int stoppedEarly = 0;
        int linked = 0;
        for (List<MatchProfile> block : blocks.values()) {
            for (int i = 0; i < block.size(); i++) {
                for (int j = i + 1; j < block.size(); j++) {
                    MatchResult full = scorer.score(block.get(i), block.get(j));
                    MatchResult quick = scorer.scoreIfLinkable(block.get(j), block.get(i));
                    pairs++;
                    if (quick == MatchResult.BELOW_REVIEW) {
                        stoppedEarly++;
                        assertThat(full.decision()).as("%s / %s", full, block.get(i).recordKey())
                                .isEqualTo(MatchDecision.NON_MATCH);
                        assertThat(full.deterministicRule()).isNull();
                    } else {
                        assertThat(quick).isEqualTo(full);
                        linked += full.decision() == MatchDecision.NON_MATCH ? 0 : 1;
                    }
                }
            }
        }
        assertThat(pairs).isGreaterThan(20_000);
        assertThat(linked).isGreaterThan(500);
        // both ways out were taken often enough to mean something
        assertThat(stoppedEarly).isGreaterThan(pairs / 10);
    }

    private static List<MatchProfile> generatedProfiles(Profile profile, String region, long seed, int records)
            throws IOException {
        GeneratorOptions options = GeneratorOptions.builder().seed(seed).records(records).profile(profile).build();
        Map<String, StringWriter> files = new LinkedHashMap<>();
        options.sources().forEach(source -> files.put(source, new StringWriter()));
        new CustomerGenerator(options).generate(files, new StringWriter());
        CustomerNormalizer normalizer = new CustomerNormalizer(new NormalizationSettings(region));
        Instant now = Instant.parse("2026-11-24T00:00:00Z");
        List<MatchProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, StringWriter> file : files.entrySet()) {
            byte[] csv = file.getValue().toString().getBytes(StandardCharsets.UTF_8);
            new CustomerCsvReader(ImportLimits.defaults()).read(SourceName.of(file.getKey()),
                    new ByteArrayInputStream(csv), new CustomerRowHandler() {
                        @Override
                        public void accepted(long row, SourceRecord record) {
                            profiles.add(MatchProfile.of(normalizer.normalize(record, now)));
                        }

                        @Override
                        public void rejected(RowRejection rejection) {
                        }
                    });
        }
        return profiles;
    }
}
