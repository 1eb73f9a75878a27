package io.rapport.sim.slack;

/**
 * A request Slack refuses: the HTTP status and Slack's error string ({@code channel_not_found}, {@code no_service}).
 * The Web API answers most of them with 200 and {@code {"ok":false,"error":...}}; incoming webhooks with the status
 * and the bare string.
 */
final class SlackError extends RuntimeException {

    final int status;
    final String error;
    final Long retryAfterSeconds;

    SlackError(int status, String error) {
        this(status, error, null);
    }

    SlackError(int status, String error, Long retryAfterSeconds) {
        super(status + " " + error);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static SlackError rateLimited(long retryAfterSeconds, String error) {
        return new SlackError(429, error, retryAfterSeconds);
    }
}
