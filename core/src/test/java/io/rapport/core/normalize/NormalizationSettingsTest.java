package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizationSettingsTest {

    @Test
    void theDefaultRegionIsAnIsoAlpha2CodeStoredUpperCase() {
        assertThat(new NormalizationSettings("NO").defaultRegion()).isEqualTo("NO");
        assertThat(new NormalizationSettings(" au ").defaultRegion()).isEqualTo("AU");
    }

    @Test
    void noDefaultRegionIsNullOrBlank() {
        assertThat(new NormalizationSettings(null).defaultRegion()).isNull();
        assertThat(new NormalizationSettings("  ").defaultRegion()).isNull();
        assertThat(NormalizationSettings.withoutDefaultRegion().defaultRegion()).isNull();
    }

    @Test
    void anythingElseIsRejected() {
        for (String bad : new String[] {"UK", "NOR", "Norway", "XX", "N0"}) {
            assertThatThrownBy(() -> new NormalizationSettings(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha-2");
        }
    }
}
