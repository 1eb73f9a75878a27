package io.rapport.sim.social;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code GET /2/tweets/search/stream}: one long-lived chunked response per app, as X keeps it. Each new post that
 * matches at least one rule is written as one line of JSON ({@code data}, {@code includes}, {@code matching_rules})
 * ended by {@code \r\n}; when nothing has been sent for the heartbeat interval a bare {@code \r\n} keeps the
 * connection alive. A second connection while one is open answers 429 {@code TooManyConnections}.
 */
final class FilteredStream implements ApiHandler.StreamEndpoint, Consumer<Post> {

    private static final byte[] HEARTBEAT = "\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String END = "";

    /** The connected client: what it asked to see and the lines waiting to be written to it. */
    private record Connection(V2Fields fields, BlockingQueue<String> lines) {
    }

    private final StreamRules rules;
    private final V2Format format;
    private final Duration heartbeat;
    private final AtomicReference<Connection> connection = new AtomicReference<>();

    FilteredStream(StreamRules rules, V2Format format, Duration heartbeat) {
        this.rules = rules;
        this.format = format;
        this.heartbeat = heartbeat;
    }

    @Override
    public void serve(HttpExchange exchange, ApiCall call, Map<String, String> rateHeaders) throws IOException {
        V2Fields fields;
        try {
            fields = V2Fields.of(call);
        } catch (V2Fields.Invalid e) {
            SandboxHttp.write(exchange, e.answer.withHeaders(rateHeaders));
            return;
        }
        Connection mine = new Connection(fields, new LinkedBlockingQueue<>());
        if (!connection.compareAndSet(null, mine)) {
            SandboxHttp.write(exchange, XErrors.tooManyConnections().withHeaders(rateHeaders));
            return;
        }
        try {
            rateHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.getResponseHeaders().set("Content-Type", SandboxHttp.JSON_TYPE);
            exchange.sendResponseHeaders(200, 0);  // chunked, never ending by itself
            OutputStream out = exchange.getResponseBody();
            while (true) {
                String line = mine.lines().poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    out.write(HEARTBEAT);
                } else if (line.isEmpty()) {
                    break;
                } else {
                    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client disconnected: its slot is free again
        } finally {
            connection.compareAndSet(mine, null);
            exchange.close();
        }
    }

    /** Delivers a new post to the connected client when it matches a rule. */
    @Override
    public void accept(Post post) {
        Connection current = connection.get();
        if (current == null) {
            return;
        }
        List<StreamRules.Rule> matching = rules.matching(post);
        if (matching.isEmpty()) {
            return;
        }
        Map<String, Object> message = format.document(post, current.fields());
        message.put("matching_rules", matching.stream().map(rule -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", rule.id());
            json.put("tag", rule.tag() == null ? "" : rule.tag());
            return json;
        }).toList());
        try {
            current.lines().add(ApiCall.JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot render post " + post.id(), e);
        }
    }

    boolean connected() {
        return connection.get() != null;
    }

    /** Ends the open connection, as X's operational disconnects do: the client must reconnect. */
    void disconnect() {
        Connection current = connection.get();
        if (current != null) {
            current.lines().add(END);
        }
    }
}
