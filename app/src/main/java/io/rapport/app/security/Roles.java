package io.rapport.app.security;

/**
 * Roles of the hub. Lower-case because Hawtio compares role principal names against {@code hawtio.roles}
 * ({@code admin,viewer}) after the {@code ROLE_} prefix is stripped.
 */
public final class Roles {

    /** Operates the hub: imports, replays, JMX operations. */
    public static final String ADMIN = "admin";
    /** Reads status, records and the console. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
