package io.rapport.sim.salesforce;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests served, by endpoint kind ({@code oauth2/token}, {@code sobjects}, {@code query}, {@code composite},
 * ...), and the API calls among them: what a test or demo inspects to see how a client used the API.
 */
final class RequestCounters {

    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final AtomicLong apiCalls = new AtomicLong();

    void request(String kind) {
        byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** A call that counts against the org's API limit (logins do not). */
    void apiCall() {
        apiCalls.incrementAndGet();
    }

    long apiCalls() {
        return apiCalls.get();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byKind.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
