package io.rapport.app.privacy;

import io.rapport.app.privacy.ErasureRequests.Status;
import io.rapport.app.privacy.ErasureRequests.StoreTask;
import io.rapport.app.sync.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off the deletions erasure requests owe the stores (table {@code erasure_store_task}), on the
 * {@code erasure-propagation} timer: each due task is tried through its store's {@link ErasureTarget}. A store that
 * cannot be reached is waited out, for as long as it takes, with backoff (1 s doubling to the configured maximum);
 * a store that refuses a record is asked again a few times, then the task is FAILED with the store's reason, for a
 * person to settle. Idempotent, like the targets: a try that may have landed is simply made again.
 */
public class ErasurePropagator {

    private static final Logger log = LoggerFactory.getLogger(ErasurePropagator.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final ErasureRequests requests;
    private final Map<String, ErasureTarget> targets;
    private final int maxRefusals;
    private final Duration maxBackoff;
    private final Clock clock;

    public ErasurePropagator(ErasureRequests requests, Map<String, ErasureTarget> targets, int maxRefusals,
                             Duration maxBackoff, Clock clock) {
        this.requests = requests;
        this.targets = Map.copyOf(targets);
        this.maxRefusals = maxRefusals;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
    }

    /** One pass over the due tasks; returns how many settled (DONE or FAILED). */
    public synchronized int propagate() {
        int settled = 0;
        for (StoreTask task : requests.due(clock.instant())) {
            StoreTask next = attempt(task);
            requests.update(next, clock.instant());
            if (next.status() != Status.PENDING) {
                settled++;
            }
        }
        return settled;
    }

    private StoreTask attempt(StoreTask task) {
        ErasureTarget target = targets.get(task.store());
        int attempts = task.attempts() + 1;
        Instant now = clock.instant();
        if (target == null) {
            // the hub was restarted without the store's connector: keep the work, say why it waits
            return retry(task, attempts, "no connector for this store is configured now", now);
        }
        try {
            String outcome = target.erase(task.keys());
            log.info("Erasure {}: {} confirmed ({}) after {} attempt(s)", task.requestId(), task.store(), outcome,
                    attempts);
            return new StoreTask(task.requestId(), task.store(), task.keys(), Status.DONE, attempts, null, now, now,
                    outcome);
        } catch (ErasureTarget.ErasureRefusedException e) {
            if (attempts >= maxRefusals) {
                log.error("Erasure {}: {} refused {} time(s), given up: {}", task.requestId(), task.store(), attempts,
                        e.getMessage());
                return new StoreTask(task.requestId(), task.store(), task.keys(), Status.FAILED, attempts,
                        limit("refused: " + e.getMessage()), now, now, null);
            }
            return retry(task, attempts, "refused: " + e.getMessage(), now);
        } catch (StoreUnavailableException e) {
            return retry(task, attempts, "unavailable: " + e.getMessage(), now);
        } catch (RuntimeException e) {
            return retry(task, attempts, "failed: " + e.getClass().getSimpleName(), now);
        }
    }

    private StoreTask retry(StoreTask task, int attempts, String error, Instant now) {
        Duration wait = backoff(attempts, maxBackoff);
        log.warn("Erasure {}: {} not confirmed (attempt {}), next try in {}: {}", task.requestId(), task.store(),
                attempts, wait, error);
        return new StoreTask(task.requestId(), task.store(), task.keys(), Status.PENDING, attempts, limit(error),
                now.plus(wait), null, null);
    }

    /** 1 s after the first failure, doubling up to {@code max}. */
    static Duration backoff(int attempts, Duration max) {
        Duration wait = FIRST_RETRY;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static String limit(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
