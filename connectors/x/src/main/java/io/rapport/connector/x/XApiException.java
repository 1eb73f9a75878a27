package io.rapport.connector.x;

import java.time.Instant;
import java.util.List;

/**
 * X refused a request, with what it said: the HTTP status, its problem title and detail, the messages of its
 * {@code errors[]}, and when a rate-limited caller may try again.
 */
public final class XApiException extends Exception {

    private final int status;
    private final String title;
    private final String detail;
    private final List<String> errors;
    private final Instant retryAt;

    public XApiException(String message, int status, String title, String detail, List<String> errors,
                         Instant retryAt) {
        super(message);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAt = retryAt;
    }

    public XApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.title = null;
        this.detail = null;
        this.errors = List.of();
        this.retryAt = null;
    }

    /** The HTTP status; 0 when X was not reached. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<String> errors() {
        return errors;
    }

    /** For a 429: X's {@code x-rate-limit-reset}; otherwise null. */
    public Instant retryAt() {
        return retryAt;
    }

    /** Whether the same request may succeed later (429, 5xx, network); 4xx refusals will not. */
    public boolean retriable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
