package io.rapport.app.broker;

/**
 * JMS properties the hub sets on pipeline messages. JMS property names must be Java identifiers, hence camelCase.
 */
public final class MessageHeaders {

    /** Unique per input unit (import id and row): what the Idempotent Receiver remembers. */
    public static final String MESSAGE_KEY = "rapportMessageKey";
    /** Follows a message through every stage and into every log line written while handling it. */
    public static final String CORRELATION_ID = "rapportCorrelationId";
    public static final String SOURCE = "rapportSource";
    public static final String SOURCE_ID = "rapportSourceId";
    /** Artemis message groups: one consumer at a time per customer record, so updates apply in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    public static final String DEAD_LETTER_REASON = "rapportDeadLetterReason";
    public static final String DEAD_LETTER_EXCEPTION = "rapportDeadLetterException";
    public static final String DEAD_LETTER_STAGE = "rapportDeadLetterStage";
    public static final String DEAD_LETTER_QUEUE = "rapportDeadLetterOriginalQueue";
    public static final String DEAD_LETTERED_AT = "rapportDeadLetteredAt";
    public static final String REPLAY_COUNT = "rapportReplayCount";

    private MessageHeaders() {
    }
}
