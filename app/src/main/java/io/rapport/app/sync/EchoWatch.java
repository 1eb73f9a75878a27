package io.rapport.app.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Test Message, for free: every write the hub makes to Salesforce comes back as a change event (dropped as an echo).
 * A write with no event at all after {@code timeout} means the subscription has stopped receiving without saying so
 * (the Camel component can lose a subscription to a race of its own and keep the route running), and the intake
 * subscribes again and polls the gap. Thread-safe: writes, events and the intake's check come from different threads.
 */
public final class EchoWatch {

    private final Duration timeout;
    private Instant unanswered;
    private Instant lastHeard = Instant.MIN;

    public EchoWatch(Duration timeout) {
        this.timeout = timeout;
    }

    /** A write that started at {@code startedAt} landed: its change event is due. */
    public synchronized void written(Instant startedAt) {
        // an event heard since the write started may already be its echo
        if (unanswered == null && lastHeard.isBefore(startedAt)) {
            unanswered = startedAt;
        }
    }

    /** A change event arrived (any: the subscription delivers). */
    public synchronized void heard(Instant at) {
        lastHeard = at;
        unanswered = null;
    }

    /** Whether a landed write has waited longer than the timeout for any change event. */
    public synchronized boolean deaf(Instant now) {
        return unanswered != null && !now.isBefore(unanswered.plus(timeout));
    }

    /** Since when a landed write waits for an event; null when none does. */
    public synchronized Instant unansweredSince() {
        return unanswered;
    }

    /** The subscription was started again: earlier writes' events come by replay, or the catch-up poll covers them. */
    public synchronized void reset() {
        unanswered = null;
    }
}
