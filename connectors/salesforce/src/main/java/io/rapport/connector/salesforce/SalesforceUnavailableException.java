package io.rapport.connector.salesforce;

/**
 * Salesforce could not take a call now (5xx, a timeout, the daily API limit reached): nothing in it was applied
 * that the caller cannot safely send again, so the caller keeps the changes and retries later with backoff.
 */
public class SalesforceUnavailableException extends RuntimeException {

    private final int statusCode;

    public SalesforceUnavailableException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The HTTP status Salesforce answered; 0 when it did not answer. */
    public int statusCode() {
        return statusCode;
    }
}
