package io.rapport.app.pipeline;

/** One message parked in a dead-letter queue, as an operator sees it before deciding to replay it. */
public record DeadLetter(String messageId, String messageKey, String correlationId, String stage, String originalQueue,
                         String reason, String exception, String deadLetteredAt, int replayCount) {
}
