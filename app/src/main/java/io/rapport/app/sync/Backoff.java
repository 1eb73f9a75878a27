package io.rapport.app.sync;

import java.time.Duration;
import java.time.Instant;

/** Pacing of retries against a store that failed: 1 s after the first failure, doubling to 1 min; a success resets it. */
final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(1);

    private Duration delay = Duration.ZERO;
    private Instant resumeAt = Instant.MIN;

    /** Whether the next try must still wait. */
    boolean waiting(Instant now) {
        return now.isBefore(resumeAt);
    }

    /** Records a failure at {@code now}; returns how long the next try waits. */
    Duration failed(Instant now) {
        delay = delay.isZero() ? FIRST : delay.multipliedBy(2).compareTo(MAX) <= 0 ? delay.multipliedBy(2) : MAX;
        resumeAt = now.plus(delay);
        return delay;
    }

    void succeeded() {
        delay = Duration.ZERO;
    }
}
