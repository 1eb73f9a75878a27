package io.rapport.sim.social;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests received, by endpoint ({@code "GET /2/tweets/search/recent"}, ...), refused ones included: what a test or
 * demo inspects to see how a client used the API (how often it polled, whether it backed off).
 */
final class RequestCounters {

    private final Map<String, AtomicLong> byEndpoint = new ConcurrentHashMap<>();

    void request(String key) {
        byEndpoint.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byEndpoint.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }
}
