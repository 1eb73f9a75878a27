package io.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.sim.customers.EvaluationResult;
import io.rapport.sim.customers.Profile;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floors of match quality with the default settings on generated data with ground truth: pairwise precision of
 * the resulting clusters at least 0.97 and F1 at least 0.95. A change to the normalizer, the comparators, the
 * weights or the blocking that falls below them fails the build; docs/performance.md has the figures at larger
 * sizes and other seeds.
 */
class MatchQualityTest {

    static final double MIN_PRECISION = 0.97;
    static final double MIN_F1 = 0.95;

    @ParameterizedTest(name = "{0}/{1}/seed {2}, {3} records")
    @CsvSource({
        "febrl,   AU, 7,  8000",
        "generic, NO, 11, 8000",
    })
    void precisionAndF1StayAboveTheFloors(String profile, String region, long seed, long records) throws IOException {
        MatchQualityBenchmark.Outcome outcome = MatchQualityBenchmark.run(records, Profile.parse(profile), region, seed);
        EvaluationResult evaluation = outcome.evaluation();

        assertThat(outcome.records()).as("records resolved").isEqualTo(records);
        assertThat(evaluation.precision()).as("pairwise precision: %s", evaluation.summary())
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(evaluation.f1()).as("pairwise F1: %s", evaluation.summary()).isGreaterThanOrEqualTo(MIN_F1);
    }
}
