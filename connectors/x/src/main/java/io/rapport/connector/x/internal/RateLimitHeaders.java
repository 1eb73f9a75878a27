package io.rapport.connector.x.internal;

import java.time.Instant;

/** X's {@code x-rate-limit-remaining} and {@code x-rate-limit-reset} (epoch seconds) of one answer; either may be null. */
record RateLimitHeaders(Integer remaining, Instant reset) {

    static final RateLimitHeaders NONE = new RateLimitHeaders(null, null);

    static RateLimitHeaders of(HttpAnswer answer) {
        return new RateLimitHeaders(number(answer.header("x-rate-limit-remaining")),
                answer.header("x-rate-limit-reset") == null ? null
                        : instant(answer.header("x-rate-limit-reset")));
    }

    /** When the next call may be made at the earliest: the reset once the window is used up, else no limit. */
    Instant notBefore() {
        return remaining != null && remaining <= 0 ? reset : null;
    }

    private static Integer number(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
