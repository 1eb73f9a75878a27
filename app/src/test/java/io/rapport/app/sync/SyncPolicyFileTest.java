package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.app.config.ConfigFiles;
import io.rapport.core.sync.ConflictRule;
import io.rapport.core.sync.SyncPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncPolicyFileTest {

    @Test
    void theShippedPolicyKeepsNationalIdsOnPremiseAndLetsTheErpOwnCreditAndTheCrmContactDetails() {
        SyncPolicy policy = new ConfigFiles(Path.of("..", "config")).require("sync-policy.yaml", SyncPolicy.class);

        assertThat(policy.storeNames()).containsExactlyInAnyOrder("erp", "salesforce");
        assertThat(policy.reaches("national_id", "salesforce")).isFalse();
        assertThat(policy.reaches("national_id", "erp")).isTrue();
        assertThat(policy.field("credit_limit").owner()).isEqualTo("erp");
        assertThat(policy.field("email").owner()).isEqualTo("salesforce");
        assertThat(policy.field("family_name").onConflict()).isEqualTo(ConflictRule.LATEST_WINS);
        assertThat(policy.clockSkewTolerance()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aPolicyThatWouldSendAnOnPremiseOnlyFieldToTheCloudStopsTheHubNamingTheFile(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("sync-policy.yaml"), """
                stores:
                  erp: {location: ON_PREMISE}
                  salesforce: {location: CLOUD}
                fields:
                  national_id: {owner: salesforce, residency: ON_PREMISE_ONLY}
                """);

        assertThatThrownBy(() -> new ConfigFiles(dir).require("sync-policy.yaml", SyncPolicy.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sync-policy.yaml")
                .hasMessageContaining("on-premise only");
    }

    @Test
    void aMisspelledKeyStopsTheHub(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sync-policy.yaml"), """
                stores:
                  erp: {location: ON_PREMISE}
                fields:
                  email: {ownr: erp}
                """);

        assertThatThrownBy(() -> new ConfigFiles(dir).require("sync-policy.yaml", SyncPolicy.class))
                .hasMessageContaining("ownr");
    }
}
