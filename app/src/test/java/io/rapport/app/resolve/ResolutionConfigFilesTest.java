package io.rapport.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.survivorship.SurvivorshipRules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolutionConfigFilesTest {

    private final ResolutionConfigFiles shipped = new ResolutionConfigFiles(Path.of("..", "config"));

    @Test
    void theShippedFilesBindToTheBuiltInDefaults() {
        assertThat(shipped.matchSettings()).isEqualTo(MatchSettings.defaults());
        assertThat(shipped.survivorshipRules()).isEqualTo(SurvivorshipRules.defaults());
    }

    @Test
    void missingFilesMeanTheDefaults(@TempDir Path empty) {
        ResolutionConfigFiles none = new ResolutionConfigFiles(empty);
        assertThat(none.matchSettings()).isEqualTo(MatchSettings.defaults());
        assertThat(none.survivorshipRules()).isEqualTo(SurvivorshipRules.defaults());
    }

    @Test
    void aChangedThresholdIsApplied(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("matching.yaml"), "matchThreshold: 24.0\nreviewThreshold: 12.0\n");
        MatchSettings settings = new ResolutionConfigFiles(dir).matchSettings();
        assertThat(settings.matchThreshold()).isEqualTo(24.0);
        assertThat(settings.fields()).isEqualTo(MatchSettings.defaults().fields());
    }

    @Test
    void aFileThatSetsOnlyPartOfTheSettingsKeepsTheDefaultsForTheRest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("matching.yaml"), "blocking:\n  maxBlockSize: 200\n  singleKeyMaxBlockSize: 25\n");
        MatchSettings settings = new ResolutionConfigFiles(dir).matchSettings();
        assertThat(settings.blocking().maxBlockSize()).isEqualTo(200);
        assertThat(settings.blocking().singleKeyMaxBlockSize()).isEqualTo(25);
        assertThat(settings.blocking().keys()).isEqualTo(BlockingKeys.KINDS);
        assertThat(settings.matchThreshold()).isEqualTo(MatchSettings.DEFAULT_MATCH_THRESHOLD);
    }

    @Test
    void anUnknownKeyStopsTheHubNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("matching.yaml"), "matchTreshold: 24.0\n");
        assertThatThrownBy(() -> new ResolutionConfigFiles(dir).matchSettings())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("matching.yaml").hasMessageContaining("matchTreshold");
    }

    @Test
    void anInvalidValueStopsTheHubWithTheCoresReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("matching.yaml"), "matchThreshold: 10.0\nreviewThreshold: 12.0\n");
        assertThatThrownBy(() -> new ResolutionConfigFiles(dir).matchSettings())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reviewThreshold");
    }
}
