package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Integration engineers edit routes/*.yaml while the hub runs: a saved file replaces its own routes, and only
 * those. The intake routes of another file keep running (and keep their in-flight work) through any edit,
 * including a broken one.
 */
class RouteHotReloadIT extends HubIntegrationTest {

    private static final String PROBE_ROUTE = "reload-probe";

    private final Path probeFile = ROUTES_DIR.resolve("reload-probe.yaml");

    @Autowired
    private CamelContext camel;

    @Autowired
    private ProducerTemplate producer;

    @AfterEach
    void removeProbe() throws IOException {
        Files.deleteIfExists(probeFile);
    }

    @Test
    void savingARouteFileReplacesItsRoutesAndLeavesTheOthersRunning() throws IOException {
        Route intakeBefore = camel.getRoute("customer-resolve");

        writeProbe("constant: first");
        awaitProbeAnswers("first");
        writeProbe("constant: second");
        awaitProbeAnswers("second");

        assertThat(camel.getRoute("customer-resolve")).as("the intake route was not restarted").isSameAs(intakeBefore);
        assertThat(camel.getRouteController().getRouteStatus("customer-resolve")).isEqualTo(ServiceStatus.Started);
        assertIntakeStillStores();
    }

    @Test
    void aBrokenEditStopsNothingAndTheNextGoodSaveStillReloads() throws IOException {
        Route intakeBefore = camel.getRoute("customer-resolve");
        writeProbe("constant: first");
        awaitProbeAnswers("first");

        Files.writeString(probeFile, "- route:\n    id: " + PROBE_ROUTE + "\n    from: [ this is not a route\n",
                StandardCharsets.UTF_8);
        // the watcher sees the broken save within its poll interval, logs it, and keeps the last good routes
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(producer.requestBody("direct:" + PROBE_ROUTE, "", String.class)).isEqualTo("first");
        writeProbe("constant: fixed");
        awaitProbeAnswers("fixed");

        assertThat(camel.getRoute("customer-resolve")).isSameAs(intakeBefore);
        assertThat(camel.getRouteController().getRouteStatus("customer-resolve")).isEqualTo(ServiceStatus.Started);
        assertIntakeStillStores();
    }

    private void writeProbe(String body) throws IOException {
        Files.writeString(probeFile, """
                - route:
                    id: %s
                    from:
                      uri: direct:%s
                      steps:
                        - setBody:
                            %s
                """.formatted(PROBE_ROUTE, PROBE_ROUTE, body), StandardCharsets.UTF_8);
    }

    private void awaitProbeAnswers(String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> expected.equals(producer.requestBody("direct:" + PROBE_ROUTE, "", String.class)));
    }

    private void assertIntakeStillStores() {
        String source = uniqueSource("reload");
        assertThat(importCsv(source, "source_id,email\nr-1,r1@example.com\n").getStatusCode().is2xxSuccessful()).isTrue();
        awaitIdle();
        assertThat(storedRecords(source)).isEqualTo(1);
    }
}
