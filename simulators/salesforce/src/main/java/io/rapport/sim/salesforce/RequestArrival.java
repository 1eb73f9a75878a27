package io.rapport.sim.salesforce;

import com.sun.net.httpserver.HttpHandler;
import java.time.Instant;

/**
 * When a request reached the sandbox, taken before injected latency or failures apply, so that a benchmark measures
 * the client's side of the trip: the wall-clock instant, and {@link System#nanoTime()} for intervals within one JVM.
 */
record RequestArrival(Instant at, long nanoTime) {

    /** The arrival of the request the current thread serves; the JDK server runs each exchange on one thread. */
    private static final ThreadLocal<RequestArrival> CURRENT = new ThreadLocal<>();

    static RequestArrival now() {
        return new RequestArrival(Instant.now(), System.nanoTime());
    }

    /** The arrival of the request being served, or now when none is (the Java API, a Bulk worker). */
    static RequestArrival current() {
        RequestArrival arrival = CURRENT.get();
        return arrival == null ? now() : arrival;
    }

    /** The handler, with each request's arrival noted before anything else runs. */
    static HttpHandler stamping(HttpHandler handler) {
        return exchange -> {
            CURRENT.set(now());
            try {
                handler.handle(exchange);
            } finally {
                CURRENT.remove();
            }
        };
    }
}
