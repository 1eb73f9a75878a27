package io.rapport.connector.x;

/** How a secret shows in logs and {@code toString()}: whether it is set, never what it is. */
final class Secrets {

    private Secrets() {
    }

    static String mask(String secret) {
        return secret == null || secret.isBlank() ? "<unset>" : "****";
    }
}
