package io.rapport.sim.social;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X's fixed-window rate limits, one window per endpoint: a request takes one from the window's allowance, and once
 * none is left every request answers 429 until the window resets. Every answer carries X's
 * {@code x-rate-limit-limit}, {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (epoch seconds) headers.
 */
final class RateLimits {

    /** Whether a request was let through, and the headers to answer it with either way. */
    record Decision(boolean allowed, Map<String, String> headers) {
    }

    private static final class Window {
        Instant resetAt = Instant.EPOCH;
        int used;
    }

    private final Clock clock;
    private final Map<XEndpoint, RateLimit> limits;
    private final Map<XEndpoint, Window> windows = new EnumMap<>(XEndpoint.class);

    RateLimits(Clock clock, Map<XEndpoint, RateLimit> limits) {
        this.clock = clock;
        this.limits = new EnumMap<>(limits);
    }

    synchronized Decision take(XEndpoint endpoint) {
        RateLimit limit = limits.get(endpoint);
        Window window = current(endpoint, limit);
        boolean allowed = window.used < limit.limit();
        if (allowed) {
            window.used++;
        }
        return new Decision(allowed, headers(limit, window));
    }

    /** Uses up the endpoint's current window: the next request answers 429 until it resets. */
    synchronized void exhaust(XEndpoint endpoint) {
        RateLimit limit = limits.get(endpoint);
        current(endpoint, limit).used = limit.limit();
    }

    synchronized void reset() {
        windows.clear();
    }

    synchronized int remaining(XEndpoint endpoint) {
        RateLimit limit = limits.get(endpoint);
        return limit.limit() - current(endpoint, limit).used;
    }

    private Window current(XEndpoint endpoint, RateLimit limit) {
        Window window = windows.computeIfAbsent(endpoint, e -> new Window());
        Instant now = clock.instant();
        if (!now.isBefore(window.resetAt)) {
            window.resetAt = now.plus(limit.window());
            window.used = 0;
        }
        return window;
    }

    private static Map<String, String> headers(RateLimit limit, Window window) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-rate-limit-limit", String.valueOf(limit.limit()));
        headers.put("x-rate-limit-remaining", String.valueOf(limit.limit() - window.used));
        long reset = window.resetAt.getEpochSecond() + (window.resetAt.getNano() > 0 ? 1 : 0);
        headers.put("x-rate-limit-reset", String.valueOf(reset));
        return headers;
    }
}
