package io.rapport.app.broker;

/**
 * How many messages a queue holds: {@code queued} wait for a consumer, {@code inFlight} are delivered to one and
 * not yet acknowledged (being processed, or held in an open transaction).
 */
public record QueueDepth(long queued, long inFlight) {

    public static final QueueDepth EMPTY = new QueueDepth(0, 0);
}
