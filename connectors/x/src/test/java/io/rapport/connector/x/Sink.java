package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What the X routes delivered to their sink ({@code direct:<name>}), kept in arrival order, with the option to refuse
 * messages (the sink throws) to try the connector's at-least-once behaviour.
 */
final class Sink {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One message as the sink got it. */
    record Message(String body, Map<String, Object> headers, Object raw) {
        String key() {
            return (String) headers.get(XHeaders.MESSAGE_KEY);
        }

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {
                });
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json().get("data");
        }
    }

    private final String name;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final List<Message> all = new ArrayList<>();
    private volatile Predicate<Message> refuse = m -> false;
    final AtomicInteger refused = new AtomicInteger();

    Sink(String name) {
        this.name = name;
    }

    String uri() {
        return "direct:" + name;
    }

    /** Refuses (throws for) every message this matches, until told otherwise. */
    void refuse(Predicate<Message> which) {
        refuse = which;
    }

    /** A new route for each CamelContext (a run of the hub); what it receives is kept here across runs. */
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri()).routeId("sink-" + name).process(Sink.this::receive);
            }
        };
    }

    private void receive(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        Message message = new Message(body instanceof byte[] bytes ? new String(bytes,
                java.nio.charset.StandardCharsets.UTF_8) : exchange.getIn().getBody(String.class),
                Map.copyOf(exchange.getIn().getHeaders()), body);
        if (refuse.test(message)) {
            refused.incrementAndGet();
            throw new IllegalStateException("sink " + name + " refuses " + message.key());
        }
        received.add(message);
    }

    /** Waits until {@code count} messages in total have arrived; all of them, in order. */
    synchronized List<Message> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (all.size() < count) {
            long left = deadline - System.nanoTime();
            Message next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            all.add(next);
        }
        assertThat(all).as("messages at the sink " + name).hasSizeGreaterThanOrEqualTo(count);
        return List.copyOf(all);
    }

    /** Everything that arrives during {@code quiet}, added to what came before. */
    synchronized List<Message> drain(Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + quiet.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Message next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next != null) {
                all.add(next);
            }
        }
        return List.copyOf(all);
    }

    static List<String> keys(List<Message> messages) {
        return messages.stream().map(Message::key).toList();
    }
}
