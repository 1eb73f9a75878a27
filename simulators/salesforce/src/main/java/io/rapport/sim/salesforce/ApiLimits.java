package io.rapport.sim.salesforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily allowances, as {@code /limits} reports them. Salesforce counts every REST call (logins excepted)
 * against DailyApiRequests and refuses calls with 403 REQUEST_LIMIT_EXCEEDED once it is used up; Bulk API 2.0 query
 * jobs and ingest uploads use their own allowances. The sandbox counts per UTC day and starts afresh when the day
 * rolls over, or on {@link #reset()}.
 */
final class ApiLimits {

    static final String API_REQUESTS = "DailyApiRequests";
    static final String BULK_BATCHES = "DailyBulkApiBatches";
    static final String BULK_V2_QUERY_JOBS = "DailyBulkV2QueryJobs";
    static final String BULK_V2_QUERY_STORAGE_MB = "DailyBulkV2QueryFileStorageMB";

    private final Map<String, Long> max = new LinkedHashMap<>();
    private final Map<String, AtomicLong> used = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile LocalDate day;

    ApiLimits(long dailyApiRequests, Clock clock) {
        this.clock = clock;
        this.day = today();
        max.put(API_REQUESTS, dailyApiRequests);
        max.put(BULK_BATCHES, 15_000L);
        // the name API versions before 49.0 used for the same allowance; older clients (and Camel's DTO) read it
        max.put("DailyBulkApiRequests", 15_000L);
        max.put(BULK_V2_QUERY_JOBS, 10_000L);
        max.put(BULK_V2_QUERY_STORAGE_MB, 976_562L);
        max.put("DailyAsyncApexExecutions", 250_000L);
        max.put("DailyStreamingApiEvents", 1_000_000L);
        max.put("DailyDeliveredPlatformEvents", 50_000L);
        max.put("DataStorageMB", 1_024L);
        max.put("FileStorageMB", 1_024L);
        max.keySet().forEach(name -> used.put(name, new AtomicLong()));
    }

    /** Counts one API call; false when the allowance was already used up (the call is then refused). */
    boolean consume() {
        return consume(API_REQUESTS);
    }

    /** Counts one use of a named allowance; false when it was already used up. */
    boolean consume(String name) {
        rollDay();
        return used.get(name).incrementAndGet() <= max.get(name);
    }

    long used() {
        return used(API_REQUESTS);
    }

    private long used(String name) {
        rollDay();
        return Math.min(used.get(name).get(), max.get(name));
    }

    long max() {
        return max.get(API_REQUESTS);
    }

    long remaining() {
        return max() - used();
    }

    /** The {@code Sforce-Limit-Info} header value: {@code api-usage=used/max}. */
    String header() {
        return "api-usage=" + used() + "/" + max();
    }

    /** The body of {@code GET /limits}: each allowance's Max and Remaining. */
    Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        max.forEach((name, limit) -> report.put(name, Map.of("Max", limit, "Remaining", limit - used(name))));
        return report;
    }

    /** Uses up the daily API requests: every call answers REQUEST_LIMIT_EXCEEDED until reset or the next day. */
    void exhaust() {
        rollDay();
        used.get(API_REQUESTS).set(max());
    }

    void reset() {
        used.values().forEach(count -> count.set(0));
    }

    private synchronized void rollDay() {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            reset();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
