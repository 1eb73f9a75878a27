package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.XPostNormalizer;
import io.rapport.sim.social.Post;
import io.rapport.sim.social.SocialSandbox;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The xv2:stream consumer against the social sandbox: rules sync, NDJSON reading, reconnects, stalls, 429s. */
class XFilteredStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final XSourceSettings.Backoff FAST = new XSourceSettings.Backoff(Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(200),
            Duration.ofMillis(800));

    private SocialSandbox sandbox;
    private CamelContext camel;
    private final Sink sink = new Sink("social");

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        sandbox.close();
    }

    private XRoutes run(List<XSourceSettings.StreamRule> rules, Duration stallTimeout) throws Exception {
        XSourceSettings settings = XSourceSettings.defaults().withBaseUrl(sandbox.baseUrl())
                .withBearerToken(sandbox.config().bearerToken()).withBackoff(FAST)
                .withFilteredStream(XSourceSettings.FilteredStream.of(rules).stallAfter(stallTimeout));
        XRoutes routes = XRoutes.create(settings, new InMemorySocialCursorStore(), sink.uri());
        camel = XCamel.start(routes, sink);
        return routes;
    }

    private static List<XSourceSettings.StreamRule> rules(String... valueAndTag) {
        List<XSourceSettings.StreamRule> rules = new java.util.ArrayList<>();
        for (int i = 0; i < valueAndTag.length; i += 2) {
            rules.add(new XSourceSettings.StreamRule(valueAndTag[i], valueAndTag[i + 1]));
        }
        return rules;
    }

    @Test
    void synchronizesTheRulesAndReportsTheInvalidOnesWhileAddingTheOthers() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withStreamHeartbeat(Duration.ofMillis(200)), 0);
        sandbox.addStreamRule("@acme", "mentions");
        sandbox.addStreamRule("#oldcampaign", "campaign");
        sandbox.addStreamRule("#acmefail", "old tag");

        XRoutes routes = run(rules("@acme", "mentions", "#acmefail", "complaints", "nope:x", "broken",
                "acme lang:es", "spanish"), Duration.ofSeconds(2));

        XCamel.await("the stream connected after the sync", WAIT, sandbox::streamConnected);
        assertThat(sandbox.streamRules()).containsExactlyInAnyOrder("@acme", "#acmefail", "acme lang:es");
        XStatus status = routes.status(XRoutes.ROUTE_FILTERED_STREAM);
        assertThat(status.lastError()).contains("invalid filtered-stream rules").contains("'nope:x'")
                .contains("invalid operator");

        Post post = sandbox.post("emma", "#acmefail again");
        Sink.Message got = sink.await(1, WAIT).get(0);
        assertThat(got.key()).isEqualTo("x:" + post.id());
        assertThat(got.json()).containsKey("matching_rules");
        assertThat(new XPostNormalizer().normalize(got.json(), "raw").author().handle()).isEqualTo("emma");
    }

    @Test
    void readsPostsAsTheyComeAndReconnectsAfterAnOperationalDisconnect() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withStreamHeartbeat(Duration.ofMillis(100)), 0);
        XRoutes routes = run(rules("acme", "brand"), Duration.ofSeconds(2));
        XCamel.await("connected", WAIT, sandbox::streamConnected);

        Post first = sandbox.post("emma", "acme rocks");
        sink.await(1, WAIT);
        sandbox.disconnectStream();
        XCamel.await("disconnected", WAIT, () -> !sandbox.streamConnected());
        XCamel.await("reconnected", WAIT, () -> sandbox.streamConnected()
                && routes.status(XRoutes.ROUTE_FILTERED_STREAM).state() == XStatus.State.CONNECTED);
        Post second = sandbox.post("liam", "acme again");
        sandbox.post("noise", "unrelated");
        List<Sink.Message> got = sink.await(2, WAIT);

        assertThat(Sink.keys(got)).containsExactly("x:" + first.id(), "x:" + second.id());
        assertThat(sandbox.requestCounts().get("GET /2/tweets/search/stream")).isEqualTo(2);
        // the consumer counts a post once the sink has returned, a moment after the sink has it
        XCamel.await("both counted", WAIT, () -> routes.status(XRoutes.ROUTE_FILTERED_STREAM).delivered() == 2);
    }

    @Test
    void aStalledConnectionIsDroppedAndOpenedAgain() throws Exception {
        // the sandbox's heartbeat (1 s) is slower than the stall timeout (300 ms): every connection stalls, and the
        // sandbox only notices the dropped one at its next heartbeat, so the reconnect meets TooManyConnections first
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults().withStreamHeartbeat(Duration.ofSeconds(1)), 0);
        XRoutes routes = run(rules("acme", "brand"), Duration.ofMillis(300));

        XCamel.await("a stall noticed", WAIT, () -> String.valueOf(routes.status(XRoutes.ROUTE_FILTERED_STREAM)
                .backoffReason()).startsWith("stalled"));
        XCamel.await("connected again", WAIT,
                () -> sandbox.requestCounts().getOrDefault("GET /2/tweets/search/stream", 0L) >= 2);
        XCamel.await("connected again", WAIT, () -> sandbox.streamConnected()
                && routes.status(XRoutes.ROUTE_FILTERED_STREAM).state() == XStatus.State.CONNECTED);
        Post post = sandbox.post("emma", "acme after a stall");

        assertThat(Sink.keys(sink.await(1, WAIT))).containsExactly("x:" + post.id());
    }

    @Test
    void waitsOutTooManyConnectionsWhileAnotherClientHoldsTheStream() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withStreamHeartbeat(Duration.ofMillis(100)), 0);
        sandbox.addStreamRule("acme", "brand");
        HttpClient other = HttpClient.newHttpClient();
        HttpResponse<InputStream> held = other.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/2/tweets/search/stream")).header("Authorization", "Bearer "
                        + sandbox.config().bearerToken()).build(), HttpResponse.BodyHandlers.ofInputStream());
        XCamel.await("the other client holds the stream", WAIT, sandbox::streamConnected);

        XRoutes routes = run(rules("acme", "brand"), Duration.ofSeconds(2));
        XCamel.await("told TooManyConnections", WAIT, () -> String.valueOf(routes.status(
                XRoutes.ROUTE_FILTERED_STREAM).backoffReason()).contains("TooManyConnections"));
        held.body().close();
        XCamel.await("connected once the other left", WAIT,
                () -> routes.status(XRoutes.ROUTE_FILTERED_STREAM).state() == XStatus.State.CONNECTED);
        Post post = sandbox.post("emma", "acme");

        assertThat(Sink.keys(sink.await(1, WAIT))).containsExactly("x:" + post.id());
        assertThat(camel.getRouteController().getRouteStatus(XRoutes.ROUTE_FILTERED_STREAM).isStarted()).isTrue();
    }

    @Test
    void aRefusedPostIsOfferedAgainUntilTheSinkTakesIt() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withStreamHeartbeat(Duration.ofMillis(100)), 0);
        sink.refuse(m -> sink.refused.get() < 2);
        run(rules("acme", "brand"), Duration.ofSeconds(2));
        XCamel.await("connected", WAIT, sandbox::streamConnected);

        Post post = sandbox.post("emma", "acme");

        assertThat(Sink.keys(sink.await(1, WAIT))).containsExactly("x:" + post.id());
        assertThat(sink.refused.get()).isEqualTo(2);
        assertThat(sink.drain(Duration.ofMillis(300))).hasSize(1);
        Map<String, Object> data = sink.drain(Duration.ZERO).get(0).data();
        assertThat(data).containsEntry("id", "" + post.id());
    }
}
