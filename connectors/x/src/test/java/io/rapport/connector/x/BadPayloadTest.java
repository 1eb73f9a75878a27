package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rapport.core.social.XPostNormalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What X (or something in between) might send that is not a readable post, served by a small HTTP server since the
 * sandbox only renders well-formed posts: a post the normalizer will refuse still goes to the sink (the hub's
 * normalizer dead-letters it with the paths it misses); what cannot be keyed as a post goes to the dead-letter
 * endpoint with the reason, its bytes kept; and the route reads on.
 */
class BadPayloadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private CamelContext camel;
    private final Sink sink = new Sink("social");
    private final Sink deadLetters = new Sink("dlq");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2/tweets/search/stream/rules", exchange -> write(exchange, 200,
                "{\"data\":[{\"id\":\"1\",\"value\":\"acme\",\"tag\":\"brand\"}],\"meta\":{\"result_count\":1}}"));
        server.createContext("/2/tweets/search/stream", this::stream);
        server.createContext("/2/tweets/search/recent", exchange -> write(exchange, 200,
                "{\"data\":[{\"id\":\"201\",\"text\":\"bare\"},{\"text\":\"no id\"}],\"meta\":{\"result_count\":2}}"));
        server.start();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        server.stop(0);
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.write("{\"data\":{\"id\":\"102\",\"text\":\"".getBytes(StandardCharsets.US_ASCII));
        invalidUtf8.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        invalidUtf8.write("\"}}".getBytes(StandardCharsets.US_ASCII));
        for (byte[] line : List.of(
                "{\"data\":{\"id\":\"101\",\"text\":\"no author, no time\"}}".getBytes(StandardCharsets.UTF_8),
                "this is not json".getBytes(StandardCharsets.UTF_8),
                invalidUtf8.toByteArray(),
                "{\"meta\":{\"sent\":\"now\"}}".getBytes(StandardCharsets.UTF_8),
                "{\"data\":{\"text\":\"no id\"}}".getBytes(StandardCharsets.UTF_8),
                ("{\"data\":{\"id\":\"104\",\"text\":\"" + "x".repeat(5000) + "\"}}").getBytes(StandardCharsets.UTF_8),
                new byte[0],
                ("{\"data\":{\"id\":\"103\",\"text\":\"fine ✓\",\"author_id\":\"1\",\"created_at\":"
                        + "\"2026-01-01T00:00:00.000Z\"},\"includes\":{\"users\":[{\"id\":\"1\",\"username\":\"ok\","
                        + "\"name\":\"Ok\"}]}}").getBytes(StandardCharsets.UTF_8))) {
            out.write(line);
            out.write(CRLF);
            out.flush();
        }
        try {
            while (true) {
                Thread.sleep(100);
                out.write(CRLF);
                out.flush();
            }
        } catch (InterruptedException | IOException e) {
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private XSourceSettings settings() {
        return XSourceSettings.defaults().withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .withBearerToken("t").withDeadLetterUri(deadLetters.uri());
    }

    @Test
    void theStreamSendsUnreadableLinesToTheDeadLetterEndpointAndReadsOn() throws Exception {
        XSourceSettings settings = settings().withFilteredStream(new XSourceSettings.FilteredStream(true,
                List.of(new XSourceSettings.StreamRule("acme", "brand")), Duration.ofSeconds(2), 2048));
        camel = XCamel.start(XRoutes.create(settings, new InMemorySocialCursorStore(), sink.uri()), sink,
                deadLetters);

        List<Sink.Message> posts = sink.await(2, WAIT);
        List<Sink.Message> dead = deadLetters.await(5, WAIT);

        assertThat(Sink.keys(posts)).containsExactly("x:101", "x:103");
        assertThatThrownBy(() -> new XPostNormalizer().normalize(posts.get(0).json(), "raw"))
                .as("the hub's normalizer refuses it, naming what is missing")
                .hasMessageContaining("data.author_id: required").hasMessageContaining("data.created_at: required");
        assertThat(new XPostNormalizer().normalize(posts.get(1).json(), "raw").text()).isEqualTo("fine ✓");
        assertThat(dead).extracting(m -> (String) m.headers().get(XHeaders.DEAD_LETTER_REASON)).satisfiesExactly(
                reason -> assertThat(reason).startsWith("a stream line that is not a JSON object"),
                reason -> assertThat(reason).startsWith("a stream line that is not valid UTF-8"),
                reason -> assertThat(reason).isEqualTo("a stream message without a post (no data object)"),
                reason -> assertThat(reason).isEqualTo("an X post without an id: it cannot be keyed"),
                reason -> assertThat(reason).startsWith("a stream line of 5031 bytes, more than the 2048 allowed"));
        assertThat(dead.get(1).raw()).as("the bytes as they came").isInstanceOf(byte[].class);
        assertThat((byte[]) dead.get(1).raw()).contains((byte) 0xC3, (byte) 0x28);
        assertThat(dead).allSatisfy(m -> assertThat(m.headers()).containsEntry(XHeaders.SOURCE, "x"));
        assertThat(camel.getRouteController().getRouteStatus(XRoutes.ROUTE_FILTERED_STREAM).isStarted()).isTrue();
    }

    @Test
    void recentSearchDeliversAPostTheNormalizerWillRefuseAndDeadLettersOneWithoutAnId() throws Exception {
        XSourceSettings settings = settings().withRecentSearch(XSourceSettings.RecentSearch.of("acme")
                .every(Duration.ofSeconds(30)));
        InMemorySocialCursorStore cursors = new InMemorySocialCursorStore();
        camel = XCamel.start(XRoutes.create(settings, cursors, sink.uri()), sink, deadLetters);

        assertThat(Sink.keys(sink.await(1, WAIT))).containsExactly("x:201");
        assertThat(deadLetters.await(1, WAIT).get(0).headers().get(XHeaders.DEAD_LETTER_REASON))
                .isEqualTo("an X post without an id: it cannot be keyed or ordered");
        XCamel.await("the cursor past the delivered post", WAIT,
                () -> "201".equals(cursors.snapshot().get("x.v2.recent-search")));
    }
}
