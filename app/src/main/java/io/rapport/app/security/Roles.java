package io.rapport.app.security;

/**
 * Roles of the hub (docs/security.md has the full matrix). Each account holds its role and every role below it.
 * Lower-case because Hawtio compares role principal names against {@code hawtio.roles} ({@code admin,operator,viewer})
 * after the {@code ROLE_} prefix is stripped.
 */
public final class Roles {

    /** Everything: stewardship decisions (merge, split, keep apart, author links), erasure, any JMX operation. */
    public static final String ADMIN = "admin";
    /**
     * Runs the hub day to day: imports and record intake, dead-letter replay, reply-queue decisions, rules dry runs,
     * reconciliation runs, and in the console the operations of Camel routes, Artemis queues and dead letters.
     */
    public static final String OPERATOR = "operator";
    /** Reads status, records, metrics and the console. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
