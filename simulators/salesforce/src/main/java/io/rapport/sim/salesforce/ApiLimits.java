package io.rapport.sim.salesforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request allowance. Salesforce counts every REST call (logins excepted) against a rolling
 * 24-hour limit and refuses calls with 403 REQUEST_LIMIT_EXCEEDED once it is used up; the sandbox counts per UTC
 * day and starts afresh when the day rolls over, or on {@link #reset()}.
 */
final class ApiLimits {

    private final long max;
    private final Clock clock;
    private final AtomicLong used = new AtomicLong();
    private volatile LocalDate day;

    ApiLimits(long max, Clock clock) {
        this.max = max;
        this.clock = clock;
        this.day = today();
    }

    /** Counts one call; false when the allowance was already used up (the call is then refused). */
    boolean consume() {
        rollDay();
        return used.incrementAndGet() <= max;
    }

    long used() {
        rollDay();
        return Math.min(used.get(), max);
    }

    long max() {
        return max;
    }

    long remaining() {
        return max - used();
    }

    /** The {@code Sforce-Limit-Info} header value: {@code api-usage=used/max}. */
    String header() {
        return "api-usage=" + used() + "/" + max;
    }

    void exhaust() {
        rollDay();
        used.set(max);
    }

    void reset() {
        used.set(0);
    }

    private synchronized void rollDay() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            used.set(0);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
