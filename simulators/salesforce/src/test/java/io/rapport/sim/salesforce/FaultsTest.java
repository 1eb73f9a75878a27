package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults through the Java API and the {@code /__sandbox/} admin endpoint. */
class FaultsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T12:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SalesforceSandbox sandbox;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0, clock);
        api = new ApiClient(sandbox);
        api.session();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theNextRequestsFailThenServiceResumes() throws Exception {
        sandbox.failNext(2, 503);

        HttpResponse<String> first = api.query("SELECT Id FROM Account");
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(ApiClient.errorCode(first)).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(503);
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);
        // faulted requests never reached the API: only the last one is an API call
        assertThat(sandbox.apiCalls()).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("injected fault", 2L).containsEntry("query", 1L);
    }

    @Test
    void failuresForAWhileOnlyBelowAPathPrefix() throws Exception {
        sandbox.failFor(Duration.ofSeconds(60), 500, "/services/data/v62.0/query");

        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(500);
        assertThat(api.call("POST", "/services/data/v62.0/sobjects/Account", "{\"Name\":\"A\"}").statusCode())
                .isEqualTo(201);
        clock.advance(Duration.ofSeconds(61));
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryRequest() throws Exception {
        sandbox.latency(Duration.ofMillis(150));

        long start = System.nanoTime();
        api.query("SELECT Id FROM Account");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        sandbox.clearFaults();
    }

    @Test
    void theAdminEndpointDrivesFaultsLimitsAndSessions() throws Exception {
        assertThat(admin("POST", "faults/failures", "{\"status\":503,\"count\":1}").statusCode()).isEqualTo(200);
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(503);

        admin("POST", "limits/exhaust", "");
        assertThat(ApiClient.errorCode(api.query("SELECT Id FROM Account"))).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        admin("POST", "limits/reset", "");
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);

        admin("POST", "sessions/expire", "");
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(401);

        HttpResponse<String> counts = admin("GET", "counts", null);
        assertThat(ApiClient.JSON.readTree(counts.body()).get("requests").get("injected fault").asInt()).isEqualTo(1);
        assertThat(admin("POST", "nothing", "").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> admin(String method, String action, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__sandbox/" + action))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
