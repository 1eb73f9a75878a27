package io.rapport.connector.x;

import java.time.Instant;

/**
 * What one X source is doing, for health checks and metrics: when it last read and will read next, why it is
 * waiting longer than usual, and what X's rate limit says.
 *
 * @param name               the route ({@code x-recent-search}, {@code x-filtered-stream}, ...)
 * @param state              {@link State}
 * @param lastPoll           when it last called X (for the stream: last connected), or null
 * @param nextPoll           when it will call X next, or null while connected / not scheduled
 * @param backoffReason      why it is waiting longer than its interval (429, HTTP 503, network, sink), or null
 * @param rateLimitRemaining X's {@code x-rate-limit-remaining} on the last answer, or null
 * @param rateLimitReset     X's {@code x-rate-limit-reset}, or null
 * @param delivered          posts handed to the sink since start
 * @param deadLettered       payloads sent to the dead-letter endpoint since start
 * @param lastError          the last failure, or null
 */
public record XStatus(String name, State state, Instant lastPoll, Instant nextPoll, String backoffReason,
                      Integer rateLimitRemaining, Instant rateLimitReset, long delivered, long deadLettered,
                      String lastError) {

    public enum State {
        /** Not started, or stopped. */
        STOPPED,
        /** Waiting for its next poll at the usual interval. */
        IDLE,
        /** Calling X or handing posts to the sink. */
        POLLING,
        /** The stream is open and reading. */
        CONNECTED,
        /** Waiting longer than usual: see {@link XStatus#backoffReason()}. */
        BACKING_OFF
    }

    public static XStatus stopped(String name) {
        return new XStatus(name, State.STOPPED, null, null, null, null, null, 0, 0, null);
    }

    /** Whether the source is healthy: running and not waiting out a failure. */
    public boolean healthy() {
        return state != State.STOPPED && state != State.BACKING_OFF;
    }
}
