package io.rapport.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's local accounts ({@code rapport.security.*}). Passwords come from the environment
 * ({@code RAPPORT_ADMIN_PASSWORD}, {@code RAPPORT_OPERATOR_PASSWORD}, {@code RAPPORT_VIEWER_PASSWORD}) or a mounted file via Spring's configtree; a
 * value may carry a Spring Security encoding prefix such as {@code {bcrypt}}. The built-in defaults are for a
 * laptop only, and the hub warns at start-up while they are in use.
 */
@ConfigurationProperties(prefix = "rapport.security")
public record SecurityProperties(@DefaultValue Account admin, @DefaultValue Account operator,
                                 @DefaultValue Account viewer) {

    public static final String DEFAULT_ADMIN_PASSWORD = "rapport-admin";
    public static final String DEFAULT_OPERATOR_PASSWORD = "rapport-operator";
    public static final String DEFAULT_VIEWER_PASSWORD = "rapport-viewer";

    /** An account; {@code toString} leaves the password out, so a logged or printed account shows no secret. */
    public record Account(String username, String password) {
        @Override
        public String toString() {
            return "Account[username=" + username + ", password=******]";
        }
    }

    Account adminAccount() {
        return new Account(orDefault(admin.username(), "admin"), orDefault(admin.password(), DEFAULT_ADMIN_PASSWORD));
    }

    Account operatorAccount() {
        return new Account(orDefault(operator.username(), "operator"),
                orDefault(operator.password(), DEFAULT_OPERATOR_PASSWORD));
    }

    Account viewerAccount() {
        return new Account(orDefault(viewer.username(), "viewer"), orDefault(viewer.password(), DEFAULT_VIEWER_PASSWORD));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
