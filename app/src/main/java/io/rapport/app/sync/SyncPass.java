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
 */
public class SyncPass implements Processor {

    public static final String BEAN_NAME = "syncPass";
    private static final Logger log = LoggerFactory.getLogger(SyncPass.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final SyncOutbox outbox;
    private final SyncEngine engine;
    private final int batchSize;
    private final Clock clock;
    private Duration backoff = Duration.ZERO;
    private Instant resumeAt = Instant.MIN;

    /** A pass that does nothing: sync is disabled. */
    public static SyncPass disabled() {
        return new SyncPass(null, null, 0, Clock.systemUTC());
    }

    public SyncPass(SyncOutbox outbox, SyncEngine engine, int batchSize, Clock clock) {
        this.outbox = outbox;
        this.engine = engine;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        if (engine == null || clock.instant().isBefore(resumeAt)) {
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
            backoff = Duration.ZERO;
            return;
        }
        backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        resumeAt = clock.instant().plus(backoff);
        log.warn("{} unavailable: {} customers stay queued; next try in {} s", outcome.unavailableStores(),
                batch.customerIds().size(), backoff.toSeconds());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
