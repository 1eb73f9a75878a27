package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer-token checks, rate-limit headers and 429s per endpoint window, and injected faults. */
class RateLimitsAndAuthTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:15:00Z"));
    private SocialSandbox sandbox;
    private XClient x;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withRateLimit(XEndpoint.RECENT_SEARCH, RateLimit.of(3, Duration.ofMinutes(15))), 0, clock);
        x = new XClient(sandbox);
        sandbox.post("emma", "acme rocks");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void countsDownRefusesWhenExhaustedAndResetsWithTheWindow() throws Exception {
        long reset = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
        for (int remaining = 2; remaining >= 0; remaining--) {
            XClient.Answer answer = x.search("acme", "");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("x-rate-limit-limit")).isEqualTo("3");
            assertThat(answer.header("x-rate-limit-remaining")).isEqualTo(String.valueOf(remaining));
            assertThat(answer.header("x-rate-limit-reset")).isEqualTo(String.valueOf(reset));
        }
        XClient.Answer refused = x.search("acme", "");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(refused.header("x-rate-limit-remaining")).isEqualTo("0");
        assertThat(x.get("/2/tweets/search/stream/rules").status()).as("other windows are untouched").isEqualTo(200);

        clock.advance(Duration.ofMinutes(15));
        XClient.Answer again = x.search("acme", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("x-rate-limit-remaining")).isEqualTo("2");
        assertThat(sandbox.requestCounts()).containsEntry("GET /2/tweets/search/recent", 5L);
    }

    @Test
    void exhaustsAnEndpointOnDemand() throws Exception {
        sandbox.exhaustRateLimit(XEndpoint.RECENT_SEARCH);
        assertThat(x.search("acme", "").status()).isEqualTo(429);
        sandbox.resetRateLimits();
        assertThat(x.search("acme", "").status()).isEqualTo(200);
        assertThat(sandbox.rateLimitRemaining(XEndpoint.RECENT_SEARCH)).isEqualTo(2);
    }

    @Test
    void refusesMissingOrWrongBearerTokens() throws Exception {
        XClient.Answer missing = new XClient(sandbox.baseUrl(), null).search("acme", "");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body().get("title").asText()).isEqualTo("Unauthorized");
        assertThat(missing.body().get("status").asInt()).isEqualTo(401);
        assertThat(new XClient(sandbox.baseUrl(), "wrong").search("acme", "").status()).isEqualTo(401);
        assertThat(sandbox.rateLimitRemaining(XEndpoint.RECENT_SEARCH)).as("refused calls cost nothing").isEqualTo(3);
        XClient.Answer v1 = new XClient(sandbox.baseUrl(), null).get("/1.1/search/tweets.json?q=acme");
        assertThat(v1.status()).isEqualTo(400);
        assertThat(v1.body().get("errors").get(0).get("code").asInt()).isEqualTo(215);
    }

    @Test
    void injectsFaultsInXsShape() throws Exception {
        sandbox.failNext(2, 503);
        XClient.Answer unavailable = x.search("acme", "");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.body().get("title").asText()).isEqualTo("Service Unavailable");
        assertThat(x.get("/1.1/search/tweets.json?q=acme").body().get("errors").get(0).get("code").asInt())
                .isEqualTo(130);
        assertThat(x.search("acme", "").status()).isEqualTo(200);

        sandbox.failFor(Duration.ofSeconds(30), 500, "/2/");
        assertThat(x.search("acme", "").status()).isEqualTo(500);
        assertThat(x.get("/1.1/search/tweets.json?q=acme").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(31));
        assertThat(x.search("acme", "").status()).isEqualTo(200);
    }
}
