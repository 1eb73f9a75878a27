package io.rapport.connector.salesforce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The org's daily API request budget as Salesforce last reported it, in the {@code Sforce-Limit-Info} header of
 * every answer ({@code api-usage=used/max}) or in {@code /limits}. Sync work that can wait stops before the
 * remaining calls fall to the configured reserve, so that the company's own users and other integrations are not
 * locked out of their CRM by the hub.
 */
public final class ApiBudget {

    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final long reserve;
    private final AtomicLong used = new AtomicLong(-1);
    private final AtomicLong max = new AtomicLong(-1);

    /** @param reserve calls left for others: non-urgent work stops when no more than this many remain */
    public ApiBudget(long reserve) {
        if (reserve < 0) {
            throw new IllegalArgumentException("reserve must not be negative");
        }
        this.reserve = reserve;
    }

    /** Reads {@code Sforce-Limit-Info}; a missing or unreadable header changes nothing. */
    public void observeLimitInfo(String header) {
        if (header == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(header);
        if (matcher.find()) {
            observe(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
        }
    }

    /** From {@code /limits}: DailyApiRequests Max and Remaining. */
    public void observeLimits(long maxCalls, long remainingCalls) {
        observe(maxCalls - remainingCalls, maxCalls);
    }

    private void observe(long usedCalls, long maxCalls) {
        max.set(maxCalls);
        used.set(usedCalls);
    }

    /** Calls left today; -1 until Salesforce has said. */
    public long remaining() {
        long m = max.get();
        return m < 0 ? -1 : Math.max(0, m - used.get());
    }

    public long reserve() {
        return reserve;
    }

    /** Whether work that can wait may spend calls now: true until Salesforce reports a budget down to the reserve. */
    public boolean allowsNonUrgentWork() {
        long left = remaining();
        return left < 0 || left > reserve;
    }
}
