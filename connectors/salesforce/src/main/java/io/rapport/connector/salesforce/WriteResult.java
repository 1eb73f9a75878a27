package io.rapport.connector.salesforce;

/**
 * What Salesforce did with one outbound record. A failed record carries Salesforce's error code and message: a
 * rejected record (validation rule, duplicate value) is not retried by sending it again unchanged.
 *
 * @param salesforceId the record's Salesforce id; null when it failed
 * @param errorCode    null when it succeeded
 */
public record WriteResult(String customerId, String salesforceId, boolean created, String errorCode, String message) {

    public static WriteResult success(String customerId, String salesforceId, boolean created) {
        return new WriteResult(customerId, salesforceId, created, null, null);
    }

    public static WriteResult failure(String customerId, String errorCode, String message) {
        return new WriteResult(customerId, null, false, errorCode, message);
    }

    public boolean succeeded() {
        return errorCode == null;
    }
}
