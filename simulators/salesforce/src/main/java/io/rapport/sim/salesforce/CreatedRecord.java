package io.rapport.sim.salesforce;

import java.time.Instant;

/**
 * A record a client created, and when the request that created it reached the sandbox (before any injected latency):
 * what a latency benchmark compares with the moment its own input arrived.
 *
 * @param sObjectType  the type's API name ({@code Lead}, {@code Case})
 * @param arrivedAt    wall-clock arrival of the creating request
 * @param arrivedNanos {@link System#nanoTime()} at arrival, for intervals measured within the same JVM
 * @param client       the {@code client=} of the request's {@code Sforce-Call-Options}, or null
 */
public record CreatedRecord(String sObjectType, String id, Instant arrivedAt, long arrivedNanos, String client) {
}
