package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchSettingsTest {

    private final MatchSettings defaults = MatchSettings.defaults();

    @Test
    void defaultsAreInternallyConsistent() {
        assertThat(defaults.reviewThreshold()).isLessThan(defaults.matchThreshold());
        assertThat(defaults.reviewThreshold()).isPositive();
        assertThat(defaults.fields().keySet()).containsExactlyElementsOf(MatchSettings.FIELD_NAMES);
        for (Map.Entry<String, FieldWeights> field : defaults.fields().entrySet()) {
            FieldWeights fw = field.getValue();
            assertThat(fw.enabled()).isTrue();
            double m = 0;
            double u = 0;
            for (Map.Entry<String, FieldWeights.Level> level : fw.levels().entrySet()) {
                assertThat(level.getValue().weight()).as(field.getKey() + "." + level.getKey()).isFinite();
                m += level.getValue().m();
                u += level.getValue().u();
            }
            // the levels partition the pairs with both values present: m and u each add up to 1
            assertThat(m).as(field.getKey() + " m").isCloseTo(1.0, within(1e-9));
            assertThat(u).as(field.getKey() + " u").isCloseTo(1.0, within(1e-9));
            assertThat(fw.levels().keySet()).containsAll(fw.vetoLevels());
        }
    }

    @Test
    void agreementWeighsForAMatchAndDisagreementAgainst() {
        for (Map.Entry<String, FieldWeights> field : defaults.fields().entrySet()) {
            assertThat(field.getValue().weight("exact")).as(field.getKey()).isPositive();
            assertThat(field.getValue().weight("different")).as(field.getKey()).isNegative();
        }
        assertThat(defaults.field("birth_date").weight("exact"))
                .isGreaterThan(defaults.field("given_name").weight("exact"));
    }

    @Test
    void aLevelWeightIsLog2OfMOverU() {
        assertThat(new FieldWeights.Level(0.9, 0.01).weight()).isCloseTo(Math.log(90) / Math.log(2), within(1e-12));
        assertThat(new FieldWeights.Level(0.05, 0.95).weight()).isCloseTo(-4.2479, within(1e-4));
    }

    @Test
    void absentPartsTakeTheirDefaults() {
        MatchSettings partial = new MatchSettings(0, 0,
                Map.of("postcode", new FieldWeights(null, Map.of("exact", new FieldWeights.Level(null, 0.05)), null, null)),
                new MatchSettings.Deterministic(null, null, true, null), new MatchSettings.Blocking(null, 0, null));
        assertThat(partial.matchThreshold()).isEqualTo(MatchSettings.DEFAULT_MATCH_THRESHOLD);
        assertThat(partial.reviewThreshold()).isEqualTo(MatchSettings.DEFAULT_REVIEW_THRESHOLD);
        FieldWeights postcode = partial.field("postcode");
        assertThat(postcode.levels().get("exact").u()).isEqualTo(0.05);
        assertThat(postcode.levels().get("exact").m()).isEqualTo(defaults.field("postcode").levels().get("exact").m());
        assertThat(postcode.levels().get("different")).isEqualTo(defaults.field("postcode").levels().get("different"));
        assertThat(postcode.enabled()).isTrue();
        assertThat(partial.field("given_name")).isEqualTo(defaults.field("given_name"));
        assertThat(partial.deterministic().nationalId()).isTrue();
        assertThat(partial.deterministic().phone()).isTrue();
        assertThat(partial.deterministic().externalIdAttributes()).isEmpty();
        assertThat(partial.blocking().keys()).isEqualTo(BlockingKeys.KINDS);
        assertThat(partial.blocking().maxBlockSize()).isEqualTo(MatchSettings.Blocking.DEFAULT_MAX_BLOCK_SIZE);
        assertThat(partial.blocking().singleKeyMaxBlockSize())
                .isEqualTo(MatchSettings.Blocking.DEFAULT_SINGLE_KEY_MAX_BLOCK_SIZE);
        assertThat(new MatchSettings(0, 0, null, null, null)).isEqualTo(defaults);
        assertThat(defaults.withDefaultsForMissing()).isEqualTo(defaults);
    }

    @Test
    void mistakesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new MatchSettings(10, 12, null, null, null))
                .hasMessageContaining("reviewThreshold");
        assertThatThrownBy(() -> new MatchSettings(0, 0, Map.of("shoe_size", new FieldWeights(null, null, null, null)),
                null, null)).hasMessageContaining("shoe_size");
        assertThatThrownBy(() -> new MatchSettings(0, 0, Map.of("postcode",
                new FieldWeights(null, Map.of("nearby", new FieldWeights.Level(0.5, 0.5)), null, null)), null, null))
                .hasMessageContaining("nearby");
        assertThatThrownBy(() -> new MatchSettings(0, 0, Map.of("postcode",
                new FieldWeights(null, Map.of("exact", new FieldWeights.Level(1.5, 0.5)), null, null)), null, null))
                .hasMessageContaining("postcode").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new MatchSettings.Blocking(List.of("soundex"), null, null)).hasMessageContaining("soundex");
        assertThatThrownBy(() -> new MatchSettings.Blocking(null, null, -5))
                .hasMessageContaining("singleKeyMaxBlockSize").hasMessageContaining("-5");
        assertThatThrownBy(() -> new MatchSettings(Double.NaN, 5, null, null, null)).hasMessageContaining("finite");
    }

    @Test
    void aFieldCanBeSwitchedOff() {
        MatchSettings noRegion = new MatchSettings(0, 0,
                Map.of("region", new FieldWeights(false, null, null, null)), null, null);
        MatchResult result = new MatchScorer(noRegion).score(
                Person.person("ann", "lee").region("nsw").profile(), Person.person("ann", "lee").region("vic").profile());
        assertThat(result.field("region")).isNull();
        assertThat(result.fields()).hasSize(MatchSettings.FIELD_NAMES.size() - 1);
    }
}
