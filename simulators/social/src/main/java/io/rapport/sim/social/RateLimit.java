package io.rapport.sim.social;

import java.time.Duration;
import java.util.Objects;

/** How many requests an endpoint takes per window before it answers 429, as X's rate limits are stated. */
public record RateLimit(int limit, Duration window) {

    public RateLimit {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request: " + limit);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate-limit window lasts a while: " + window);
        }
    }

    public static RateLimit of(int limit, Duration window) {
        return new RateLimit(limit, window);
    }
}
