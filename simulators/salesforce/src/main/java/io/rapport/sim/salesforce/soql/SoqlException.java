package io.rapport.sim.salesforce.soql;

/**
 * A query Salesforce refuses, with its error code ({@code MALFORMED_QUERY}, {@code INVALID_FIELD},
 * {@code INVALID_TYPE}) and a message in Salesforce's form: the query, a caret under the culprit, its position.
 */
public final class SoqlException extends RuntimeException {

    private final String errorCode;

    public SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Salesforce's message layout: the query, a caret under the position, then "ERROR at Row:1:Column:n". */
    static SoqlException at(String errorCode, String query, int position, String detail) {
        String oneLine = query.replace('\n', ' ').replace('\r', ' ');
        return new SoqlException(errorCode, "\n" + oneLine + "\n" + " ".repeat(Math.max(0, position)) + "^\nERROR at Row:1:Column:"
                + (position + 1) + "\n" + detail);
    }
}
