package io.rapport.sim.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server-side cursors behind {@code nextRecordsUrl}: the rest of a query's rows, kept until read to the end or
 * idle longer than the timeout (Salesforce drops a cursor after 15 minutes of inactivity), after which the locator
 * answers INVALID_QUERY_LOCATOR.
 */
final class QueryCursors {

    /** The rows of one query, already shaped as the API returns them, and how many a page holds. */
    static final class Cursor {
        final String resource;
        final List<Map<String, Object>> rows;
        final int batchSize;
        volatile Instant lastUsed;

        Cursor(String resource, List<Map<String, Object>> rows, int batchSize, Instant lastUsed) {
            this.resource = resource;
            this.rows = rows;
            this.batchSize = batchSize;
            this.lastUsed = lastUsed;
        }
    }

    private final Map<String, Cursor> open = new ConcurrentHashMap<>();
    private final SalesforceIds ids;
    private final Clock clock;
    private final Duration timeout;

    QueryCursors(SalesforceIds ids, Clock clock, Duration timeout) {
        this.ids = ids;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Opens a cursor over rows that do not fit one page; returns its locator id (01g...). */
    String open(String resource, List<Map<String, Object>> rows, int batchSize) {
        String locator = ids.next("QueryLocator");
        open.put(locator, new Cursor(resource, rows, batchSize, clock.instant()));
        return locator;
    }

    /** The cursor of a locator, or INVALID_QUERY_LOCATOR when it is unknown, read to the end or expired. */
    Cursor get(String locator) {
        Cursor cursor = open.get(locator);
        Instant now = clock.instant();
        if (cursor == null || cursor.lastUsed.plus(timeout).isBefore(now)) {
            open.remove(locator);
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        cursor.lastUsed = now;
        return cursor;
    }

    void close(String locator) {
        open.remove(locator);
    }

    /** Ends every cursor, as Salesforce does when it drops them: fault injection for queryMore clients. */
    void expireAll() {
        open.clear();
    }
}
