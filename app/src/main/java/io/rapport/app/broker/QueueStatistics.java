package io.rapport.app.broker;

/** Reads queue depths off the broker (embedded or external alike). */
public interface QueueStatistics {

    /** The queue's depth; {@link QueueDepth#EMPTY} when the broker has no such queue (yet). */
    QueueDepth depth(String queue);
}
