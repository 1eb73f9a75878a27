package io.rapport.sim.salesforce;

import java.util.List;

/**
 * A request Salesforce refuses: the HTTP status and the errors of its body. Resources throw it; the HTTP layer,
 * sObject Collections and Composite turn it into their own reply shapes.
 */
final class ApiException extends RuntimeException {

    final int status;
    final List<SalesforceError> errors;

    ApiException(int status, List<SalesforceError> errors) {
        super(errors.isEmpty() ? "HTTP " + status : errors.get(0).errorCode() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = errors;
    }

    ApiException(int status, String errorCode, String message) {
        this(status, List.of(new SalesforceError(errorCode, message)));
    }

    static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    static ApiException badRequest(String errorCode, String message) {
        return new ApiException(400, errorCode, message);
    }

    static ApiException methodNotAllowed(String method, String allowed) {
        return new ApiException(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
    }

    SalesforceError first() {
        return errors.get(0);
    }
}
