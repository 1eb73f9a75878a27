package io.rapport.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the store sync (route {@code store-sync} in routes/store-sync.yaml): takes the oldest customers from
 * the outbox, syncs them and removes their entries. When a store is unavailable the entries stay, and the next
 * passes wait longer and longer (1 s doubling to 1 min) before trying again, so an outage is not hammered.
 *
 * <p>While changes keep arriving (a load, a mass update) a pass waits for a full batch, so that Salesforce gets a
 * few big writes (a Bulk API job from {@code bulk-threshold} records) instead of a call per trickle: it runs once a
 * batch is full, once no change arrived for {@code settle}, or once the oldest change waited {@code maxWait}. A
 * lone edit is therefore synced about {@code settle} after it happened.
 */
public class SyncPass implements Processor {

    public static final String BEAN_NAME = "syncPass";
    private static final Logger log = LoggerFactory.getLogger(SyncPass.class);

    private final SyncOutbox outbox;
    private final SyncEngine engine;
    private final int batchSize;
    private final Clock clock;
    private final Duration settle;
    private final Duration maxWait;
    private final Backoff backoff = new Backoff();

    /** A pass that does nothing: sync is disabled. */
    public static SyncPass disabled() {
        return new SyncPass(null, null, 0, Duration.ZERO, Duration.ZERO, Clock.systemUTC());
    }

    public SyncPass(SyncOutbox outbox, SyncEngine engine, int batchSize, Duration settle, Duration maxWait,
                    Clock clock) {
        this.outbox = outbox;
        this.engine = engine;
        this.batchSize = batchSize;
        this.settle = settle;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    private boolean due(Instant now) {
        if (settle.isZero()) {
            return true;
        }
        SyncOutbox.Backlog backlog = outbox.backlog();
        return backlog.entries() >= batchSize
                || backlog.newest() != null && !backlog.newest().plus(settle).isAfter(now)
                || backlog.oldest() != null && !backlog.oldest().plus(maxWait).isAfter(now);
    }

    @Override
    public void process(Exchange exchange) {
        Instant now = clock.instant();
        if (engine == null || backoff.waiting(now) || !due(now)) {
            return;
        }
        SyncOutbox.Batch batch = outbox.next(batchSize);
        if (batch.isEmpty()) {
            return;
        }
        SyncEngine.Outcome outcome = engine.sync(batch.customerIds());
        exchange.getMessage().setBody(outcome);
        if (outcome.unavailableStores().isEmpty()) {
            outbox.remove(batch);
            backoff.succeeded();
            return;
        }
        Duration wait = backoff.failed(clock.instant());
        log.warn("{} unavailable: {} customers stay queued; next try in {} s", outcome.unavailableStores(),
                batch.customerIds().size(), wait.toSeconds());
    }
}
