package io.rapport.connector.x.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rapport.connector.x.XHeaders;
import io.rapport.connector.x.XSourceSettings;
import io.rapport.connector.x.XStatus;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to X API v2's filtered stream and hands each post to the route as a single-post document
 * (with its {@code matching_rules}).
 *
 * <p>At start (and after a refused sync) the configured rules are made the server's. Then it connects, reads
 * newline-delimited JSON (a bare {@code \r\n} is a heartbeat), and reconnects as X asks streaming clients to: network
 * errors, a closed stream and a stalled one (nothing, not even a heartbeat, for the stall timeout, which is the HTTP
 * read timeout) back off linearly from 250 ms to 16 s; HTTP errors exponentially from 5 s to 320 s; 429 (the rate
 * limit, or {@code TooManyConnections} while another connection is open) exponentially from a minute, or until
 * {@code x-rate-limit-reset}. Each successful connection starts the schedules over.
 *
 * <p>The stream cannot be re-read, so a post the sink refuses is offered again (backing off) until it is taken or the
 * consumer stops. Posts published while disconnected are not replayed (X's {@code backfill_minutes} is Enterprise
 * only); the recent-search poller covers such gaps when both run.
 */
public final class XStreamConsumer extends DefaultConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(XStreamConsumer.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final XSourceSettings settings;
    private final StatusTracker status;
    private final Backoff backoff;
    private XHttp http;
    private PostDelivery delivery;
    private ExecutorService executor;
    private volatile StreamConnection current;
    private volatile boolean running;
    private volatile StreamRulesSync.Outcome lastSync;

    public XStreamConsumer(Endpoint endpoint, Processor processor, XSourceSettings settings, StatusTracker status) {
        super(endpoint, processor);
        this.settings = settings;
        this.status = status;
        this.backoff = new Backoff(settings.backoff());
    }

    /** The last rules synchronization: what was added, deleted, and refused as invalid. */
    public StreamRulesSync.Outcome lastSync() {
        return lastSync;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        http = new XHttp(getEndpoint().getCamelContext(), settings.baseUrl(), settings.bearerToken());
        delivery = new PostDelivery(this, settings.source(), settings.deadLetterUri(), status);
        running = true;
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "x-filtered-stream");
        executor.submit(this);
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        StreamConnection open = current;
        if (open != null) {
            open.abort();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (http != null) {
            http.close();
        }
        if (delivery != null) {
            delivery.close();
        }
        status.state(XStatus.State.STOPPED, null, null);
        super.doStop();
    }

    @Override
    public void run() {
        boolean synced = false;
        while (running) {
            Duration wait;
            try {
                if (!synced) {
                    lastSync = new StreamRulesSync(http).sync(settings.filteredStream().rules());
                    if (!lastSync.invalid().isEmpty()) {
                        status.error("invalid filtered-stream rules: " + lastSync.invalid());
                    }
                    synced = true;
                }
                wait = connectAndRead();
            } catch (StreamRulesSync.Failed e) {
                wait = afterRefusal(e.answer, e.getMessage());
            } catch (Exception e) {
                wait = afterNetworkError("network: " + e.getMessage());
            }
            if (!sleep(wait)) {
                return;
            }
        }
    }

    /** One connection, read until it ends; how long to wait before the next. */
    private Duration connectAndRead() throws Exception {
        status.polled(Instant.now());
        StreamConnection connection = http.open(XApiPaths.STREAM, XApiPaths.fields(),
                settings.filteredStream().stallTimeout());
        status.rateLimit(RateLimitHeaders.of(connection.answer()));
        if (connection.refusal() != null) {
            return afterRefusal(connection.refusal(), "the stream refused the connection: "
                    + XProblem.describe(connection.refusal()));
        }
        current = connection;
        if (!running) {
            connection.abort();
            return Duration.ZERO;
        }
        backoff.reset();
        status.state(XStatus.State.CONNECTED, null, null);
        LOG.info("filtered stream connected");
        try {
            NdjsonLines lines = new NdjsonLines(connection.body(), settings.filteredStream().maxLineBytes());
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (!running) {
                    return Duration.ZERO;
                }
                if (!line.heartbeat()) {
                    handle(line);
                }
            }
            return afterNetworkError("X closed the stream");
        } catch (SocketTimeoutException e) {
            return afterNetworkError("stalled: no post and no heartbeat for "
                    + settings.filteredStream().stallTimeout().toMillis() + " ms");
        } catch (IOException e) {
            return running ? afterNetworkError("the stream broke: " + e.getMessage()) : Duration.ZERO;
        } finally {
            current = null;
            connection.abort();
        }
    }

    private void handle(NdjsonLines.Line line) {
        if (line.problem() != null) {
            delivery.deadLetter(line.raw(), line.problem(), null);
            return;
        }
        Map<String, Object> message;
        try {
            message = SinglePostDocuments.JSON.readValue(line.text(), MAP);
        } catch (Exception e) {
            delivery.deadLetter(line.text(), "a stream line that is not a JSON object: " + e.getMessage(), null);
            return;
        }
        if (!(message.get("data") instanceof Map<?, ?>)) {
            if (message.containsKey("errors")) {
                // X's operational messages (a disconnect notice, a rule problem) come as errors without data
                LOG.warn("the filtered stream says: {}", XProblem.summary(line.text()));
                status.error("stream message: " + XProblem.summary(line.text()));
            } else {
                delivery.deadLetter(line.text(), "a stream message without a post (no data object)", null);
            }
            return;
        }
        Map<String, Object> document = SinglePostDocuments.split(message, Set.of("matching_rules")).get(0);
        String id = SinglePostDocuments.id(document);
        if (id == null) {
            delivery.deadLetter(line.text(), "an X post without an id: it cannot be keyed", null);
            return;
        }
        String json;
        try {
            json = SinglePostDocuments.JSON.writeValueAsString(document);
        } catch (Exception e) {
            delivery.deadLetter(line.text(), "cannot write the post back as JSON: " + e, "x:" + id);
            return;
        }
        Backoff sinkBackoff = new Backoff(settings.backoff());
        while (!delivery.deliver(json, "x:" + id, XHeaders.FORMAT_X_V2_POST)) {
            Duration wait = sinkBackoff.next(Backoff.Cause.HTTP);
            if (!running) {
                LOG.error("stopping with post x:{} from the stream not accepted by the sink: {}", id, json);
                return;
            }
            status.state(XStatus.State.BACKING_OFF, Instant.now().plus(wait), "the sink refused post x:" + id
                    + "; offering it again");
            if (!sleep(wait)) {
                LOG.error("stopping with post x:{} from the stream not accepted by the sink: {}", id, json);
                return;
            }
        }
        status.state(XStatus.State.CONNECTED, null, null);
    }

    private Duration afterRefusal(HttpAnswer answer, String reason) {
        LOG.warn("filtered stream: {}", reason);
        status.error(reason);
        Duration wait;
        String because;
        RateLimitHeaders limit = RateLimitHeaders.of(answer);
        if (answer.status() == 429) {
            Instant notBefore = limit.notBefore();
            boolean tooManyConnections = answer.body() != null && answer.body().contains("TooManyConnections");
            if (!tooManyConnections && notBefore != null && notBefore.isAfter(Instant.now())) {
                wait = Duration.between(Instant.now(), notBefore);
                because = "429, rate limit used up: waiting for x-rate-limit-reset";
            } else {
                wait = backoff.next(Backoff.Cause.RATE_LIMIT);
                because = tooManyConnections ? "429 TooManyConnections: another connection to the stream is open"
                        : "429 from X: backing off";
            }
        } else {
            wait = backoff.next(Backoff.Cause.HTTP);
            because = reason;
        }
        status.state(XStatus.State.BACKING_OFF, Instant.now().plus(wait), because);
        return wait;
    }

    private Duration afterNetworkError(String reason) {
        LOG.warn("filtered stream: {}; reconnecting", reason);
        status.error(reason);
        Duration wait = backoff.next(Backoff.Cause.NETWORK);
        status.state(XStatus.State.BACKING_OFF, Instant.now().plus(wait), reason);
        return wait;
    }

    private boolean sleep(Duration wait) {
        if (!running) {
            return false;
        }
        try {
            Thread.sleep(wait.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
