package io.rapport.sim.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Injected faults, so that a client's retry, back-off and alerting can be tried against the sandbox: latency on every
 * request, and error answers (503, 500, 429, ...) for the next N requests or for a while, optionally only below a
 * path prefix.
 */
final class Faults {

    /** A failure plan: the status to answer, for how many more requests or until when, below which path. */
    private record Failure(int status, String pathPrefix, long remaining, Instant until) {
        boolean applies(String path, Instant now) {
            return path.startsWith(pathPrefix) && (until == null ? remaining > 0 : now.isBefore(until));
        }
    }

    private final Clock clock;
    private volatile Duration latency = Duration.ZERO;
    private Failure failure;

    Faults(Clock clock) {
        this.clock = clock;
    }

    void latency(Duration fixed) {
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("latency is not negative: " + fixed);
        }
        latency = fixed;
    }

    synchronized void failNext(int requests, int status, String pathPrefix) {
        failure = new Failure(checked(status), pathPrefix == null ? "/" : pathPrefix, requests, null);
    }

    synchronized void failFor(Duration duration, int status, String pathPrefix) {
        failure = new Failure(checked(status), pathPrefix == null ? "/" : pathPrefix, 0,
                clock.instant().plus(duration));
    }

    synchronized void clear() {
        failure = null;
        latency = Duration.ZERO;
    }

    /** Sleeps the injected latency, then says which status to fail this request with, or {@code null}. */
    Integer before(String path) {
        long millis = latency.toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis + ThreadLocalRandom.current().nextLong(0, 1 + millis / 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return failureFor(path);
    }

    private synchronized Integer failureFor(String path) {
        if (failure == null || !failure.applies(path, clock.instant())) {
            return null;
        }
        if (failure.until() == null) {
            failure = new Failure(failure.status(), failure.pathPrefix(), failure.remaining() - 1, null);
        }
        return failure.status();
    }

    private static int checked(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers with a 4xx or 5xx status, not " + status);
        }
        return status;
    }
}
