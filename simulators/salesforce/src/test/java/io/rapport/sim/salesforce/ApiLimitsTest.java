package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /limits} agrees with {@code Sforce-Limit-Info}; an exhausted limit refuses calls until reset or the next day. */
class ApiLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T12:00:00Z"));
    private SalesforceSandbox sandbox;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults().withDailyApiRequests(100), 0, clock);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void limitsReportWhatTheHeaderSays() throws Exception {
        api.create("Account", "{\"Name\":\"A\"}");
        api.create("Account", "{\"Name\":\"B\"}");

        HttpResponse<String> reply = api.call("GET", "/services/data/v62.0/limits/", null);

        JsonNode limits = ApiClient.JSON.readTree(reply.body());
        assertThat(limits.get("DailyApiRequests").get("Max").asLong()).isEqualTo(100);
        assertThat(limits.get("DailyApiRequests").get("Remaining").asLong()).isEqualTo(97);
        assertThat(reply.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=3/100");
        assertThat(limits.has("DailyBulkV2QueryJobs")).isTrue();
        assertThat(limits.has("DailyBulkV2QueryFileStorageMB")).isTrue();
        assertThat(limits.has("DailyBulkApiBatches")).isTrue();
        assertThat(sandbox.remainingApiRequests()).isEqualTo(97);
        assertThat(sandbox.requestCounts()).containsEntry("limits", 1L);
    }

    @Test
    void anExhaustedLimitRefusesEveryCallUntilTheDayRolls() throws Exception {
        sandbox.exhaustApiLimit();

        HttpResponse<String> refused = api.query("SELECT Id FROM Account");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.errorCode(refused)).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(ApiClient.JSON.readTree(refused.body()).get(0).get("message").asText())
                .isEqualTo("TotalRequests Limit exceeded.");
        assertThat(refused.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=100/100");
        assertThat(api.call("GET", "/services/data/v62.0/limits", null).statusCode()).isEqualTo(403);
        // logging in still works: logins are not API calls
        assertThat(api.login("sandbox-password").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);

        sandbox.exhaustApiLimit();
        sandbox.resetApiLimits();
        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);
    }
}
