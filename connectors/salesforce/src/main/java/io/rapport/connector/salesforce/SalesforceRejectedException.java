package io.rapport.connector.salesforce;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Salesforce refused the request itself (a required field missing, a validation rule, an owner that is no user, a
 * malformed body): sending it again will fail again, so the caller fixes the input or gives up on it. Carries
 * Salesforce's errors, each with its code and the fields it names. An {@link IllegalStateException}, as the
 * connector has always reported refused requests.
 */
public class SalesforceRejectedException extends IllegalStateException {

    /** One error of Salesforce's answer: {@code REQUIRED_FIELD_MISSING}, its message and the fields concerned. */
    public record Error(String code, String message, List<String> fields) {

        public Error {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    private final int statusCode;
    private final List<Error> errors;

    public SalesforceRejectedException(String operation, int statusCode, List<Error> errors, Throwable cause) {
        super(operation + " was rejected with " + statusCode + ": " + describe(errors), cause);
        this.statusCode = statusCode;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status Salesforce answered (400, 404, ...). */
    public int statusCode() {
        return statusCode;
    }

    public List<Error> errors() {
        return errors;
    }

    /** Whether any error has this code, e.g. {@code REQUIRED_FIELD_MISSING}. */
    public boolean hasError(String code) {
        return errors.stream().anyMatch(error -> error.code().equals(code));
    }

    /** Every field the errors name, in order, once each. */
    public List<String> fields() {
        return errors.stream().flatMap(error -> error.fields().stream()).distinct().toList();
    }

    private static String describe(List<Error> errors) {
        if (errors.isEmpty()) {
            return "no error given";
        }
        return errors.stream().map(error -> error.code() + " " + error.message()
                        + (error.fields().isEmpty() ? "" : " " + error.fields()))
                .collect(Collectors.joining("; "));
    }
}
