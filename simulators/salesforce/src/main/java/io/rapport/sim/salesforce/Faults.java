package io.rapport.sim.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Injected faults, so that clients' retry, back-off and alerting can be tried against the sandbox: latency (fixed or
 * random within bounds) on every request, and server errors (503 Service Unavailable or 500) for the next N requests
 * or for a while, optionally only below a path prefix. Wraps the sandbox's HTTP handlers.
 */
final class Faults {

    /** A failure plan: the status to answer, for how many more requests or until when, below which path. */
    private record Failure(int status, String pathPrefix, long remaining, Instant until) {
        boolean applies(String path, Instant now) {
            return path.startsWith(pathPrefix) && (until == null ? remaining > 0 : now.isBefore(until));
        }
    }

    private final Clock clock;
    private final RequestCounters counters;
    private volatile Duration minLatency = Duration.ZERO;
    private volatile Duration maxLatency = Duration.ZERO;
    private Failure failure;

    Faults(Clock clock, RequestCounters counters) {
        this.clock = clock;
        this.counters = counters;
    }

    void latency(Duration min, Duration max) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max latency below min latency");
        }
        minLatency = min;
        maxLatency = max;
    }

    synchronized void failNext(int requests, int status, String pathPrefix) {
        failure = new Failure(checked(status), pathPrefix == null ? "/" : pathPrefix, requests, null);
    }

    synchronized void failFor(Duration duration, int status, String pathPrefix) {
        failure = new Failure(checked(status), pathPrefix == null ? "/" : pathPrefix, 0, clock.instant().plus(duration));
    }

    synchronized void clear() {
        failure = null;
        minLatency = Duration.ZERO;
        maxLatency = Duration.ZERO;
    }

    /** The handler with the faults applied before it runs. */
    HttpHandler around(HttpHandler handler) {
        return exchange -> {
            delay();
            Integer status = failureFor(exchange.getRequestURI().getPath());
            if (status != null) {
                counters.request("injected fault");
                exchange.getRequestBody().readAllBytes();
                fail(exchange, status);
                return;
            }
            handler.handle(exchange);
        };
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

    private void delay() {
        long min = minLatency.toMillis();
        long max = maxLatency.toMillis();
        long millis = max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void fail(HttpExchange exchange, int status) throws IOException {
        SalesforceError error = status == 503
                ? new SalesforceError("SERVER_UNAVAILABLE", "Server is temporarily unavailable. Please try again later.")
                : new SalesforceError("UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId"
                        + " if you contact support: 0000000000-00000 (-0000000000)");
        SandboxHttp.write(exchange, ApiResponse.json(status, List.of(error.toJson())));
    }

    private static int checked(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers with a 4xx or 5xx status, not " + status);
        }
        return status;
    }
}
