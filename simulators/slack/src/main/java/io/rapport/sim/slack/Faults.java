package io.rapport.sim.slack;

import java.time.Duration;

/**
 * Injected faults, so that a client's error handling can be tried against the sandbox: latency on every request,
 * the next N requests answered with an HTTP error (500 {@code fatal_error}, 503 {@code service_unavailable}), or
 * rate limited (429 with {@code Retry-After}).
 */
final class Faults {

    private volatile Duration latency = Duration.ZERO;
    private int failures;
    private int failureStatus;
    private int rateLimited;
    private long retryAfterSeconds;

    void latency(Duration fixed) {
        if (fixed.isNegative()) {
            throw new IllegalArgumentException("latency is not negative: " + fixed);
        }
        latency = fixed;
    }

    synchronized void failNext(int requests, int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault answers with a 4xx or 5xx status, not " + status);
        }
        failures = requests;
        failureStatus = status;
    }

    synchronized void rateLimitNext(int requests, Duration retryAfter) {
        rateLimited = requests;
        retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    synchronized void clear() {
        latency = Duration.ZERO;
        failures = 0;
        rateLimited = 0;
    }

    /**
     * Sleeps the injected latency, then throws the fault planned for this request, if any.
     *
     * @param rateLimitError what the endpoint calls a rate limit ({@code ratelimited} in the Web API)
     */
    void before(String rateLimitError) {
        long millis = latency.toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SlackError fault = next(rateLimitError);
        if (fault != null) {
            throw fault;
        }
    }

    private synchronized SlackError next(String rateLimitError) {
        if (rateLimited > 0) {
            rateLimited--;
            return SlackError.rateLimited(retryAfterSeconds, rateLimitError);
        }
        if (failures > 0) {
            failures--;
            return new SlackError(failureStatus, failureStatus == 503 ? "service_unavailable" : "fatal_error");
        }
        return null;
    }
}
