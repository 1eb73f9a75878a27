package io.rapport.sim.slack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Requests served by kind ({@code webhook}, {@code chat.postMessage}, ...), for tests and demos to inspect. */
final class RequestCounters {

    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();

    void request(String kind) {
        byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byKind.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
