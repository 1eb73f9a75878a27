package io.rapport.app.broker;

/** Names of the durable queues that make up the pipeline (see the flow map in docs/architecture.md). */
public final class Queues {

    /** Customer rows from any import path (REST, drop folder), before they are stored. */
    public static final String INBOUND_CUSTOMER = "inbound.customer";

    /** Raw social posts from the connectors and the webhook, before they are normalized and enriched. */
    public static final String INBOUND_SOCIAL = "inbound.social";

    /** Actions the social rules decided on (Lead, Case, alert, reply), each executed once. */
    public static final String SOCIAL_ACTION = "social.action";

    /** Where the broker itself parks messages that exhausted its delivery attempts (e.g. the JVM died each time). */
    public static final String BROKER_DLQ = "DLQ";

    /** Where expired messages go; the hub sets no expiry itself, an operator may. */
    public static final String EXPIRY = "ExpiryQueue";

    private static final String DEAD_LETTER_PREFIX = "dlq.";

    private Queues() {
    }

    /** The per-stage Dead Letter Channel of a queue: failed messages keep their body and gain reason headers. */
    public static String deadLetterQueueOf(String queue) {
        return DEAD_LETTER_PREFIX + queue;
    }

    public static boolean isDeadLetterQueue(String queue) {
        return queue.startsWith(DEAD_LETTER_PREFIX) || BROKER_DLQ.equals(queue);
    }

    /** The queue a per-stage dead-letter queue's messages are replayed to. */
    public static String originOf(String deadLetterQueue) {
        if (!deadLetterQueue.startsWith(DEAD_LETTER_PREFIX)) {
            throw new IllegalArgumentException(deadLetterQueue + " is not a per-stage dead-letter queue");
        }
        return deadLetterQueue.substring(DEAD_LETTER_PREFIX.length());
    }
}
