package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records survive a restart through the state file; without one, state is in memory only. */
class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void recordsAreWrittenOnCloseAndLoadedAtStart() throws Exception {
        Path file = dir.resolve("org.json");
        SalesforceSandbox.Config config = SalesforceSandbox.Config.defaults().withStateFile(file);
        String id;
        try (SalesforceSandbox first = SalesforceSandbox.start(config, 0)) {
            id = first.insert("Account", Map.of("Name", "Acme", "Rapport_Id__c", "C01"));
            first.insert("Thing__c", Map.of("Size__c", 3));
        }
        assertThat(file).exists();

        try (SalesforceSandbox second = SalesforceSandbox.start(config, 0)) {
            ApiClient api = new ApiClient(second);
            assertThat(api.queryJson("SELECT Name FROM Account WHERE Rapport_Id__c = 'C01'").get("records").get(0)
                    .get("Name").asText()).isEqualTo("Acme");
            assertThat(second.count("Thing__c")).isEqualTo(1);
            // new ids do not collide with loaded ones
            String next = second.insert("Account", Map.of("Name", "Beta"));
            assertThat(next).isNotEqualTo(id);
            second.snapshot();
            assertThat(Files.readString(file)).contains("Beta");
        }
    }
}
