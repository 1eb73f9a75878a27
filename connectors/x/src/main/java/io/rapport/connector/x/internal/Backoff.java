package io.rapport.connector.x.internal;

import io.rapport.connector.x.XSourceSettings;
import java.time.Duration;

/**
 * How long to wait before the next attempt after consecutive failures, by cause, as X documents it for streaming
 * clients: network errors linearly, HTTP errors exponentially, 429s exponentially from a higher start. Any success
 * starts every schedule over.
 */
final class Backoff {

    enum Cause {
        /** A connection that could not be made, broke, or went silent. */
        NETWORK,
        /** An HTTP error answer (5xx, or a 4xx other than 429), or the sink refusing a post. */
        HTTP,
        /** 429 without a reset time to wait for. */
        RATE_LIMIT
    }

    private final XSourceSettings.Backoff limits;
    private int network;
    private int http;
    private int rateLimit;

    Backoff(XSourceSettings.Backoff limits) {
        this.limits = limits;
    }

    synchronized Duration next(Cause cause) {
        return switch (cause) {
            case NETWORK -> min(limits.networkStep().multipliedBy(++network), limits.networkMax());
            case HTTP -> exponential(limits.httpInitial(), ++http, limits.httpMax());
            case RATE_LIMIT -> exponential(limits.rateLimitInitial(), ++rateLimit, limits.rateLimitMax());
        };
    }

    synchronized void reset() {
        network = 0;
        http = 0;
        rateLimit = 0;
    }

    private static Duration exponential(Duration initial, int attempt, Duration max) {
        int doublings = Math.min(attempt - 1, 30);
        return min(initial.multipliedBy(1L << doublings), max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
