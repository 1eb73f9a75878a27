package io.rapport.core.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The form in which synced values are compared and remembered. Connectors' mappers produce the canonical string
 * form of a value (a decimal without trailing zeros, an ISO date, ...); here a blank value is the same as no value,
 * and what the hub remembers about a store's copy is a hash, so that the bookkeeping never holds a second copy of
 * personal data.
 */
public final class SyncValues {

    /** The hash of "no value": a field a store leaves empty. */
    public static final String EMPTY_HASH = "-";

    private SyncValues() {
    }

    /** Surrounding blanks are not part of a value, and an empty value is no value. */
    public static String canonical(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static String hash(String value) {
        String canonical = canonical(value);
        return canonical == null ? EMPTY_HASH : sha256(canonical).substring(0, 24);
    }

    /**
     * One hash over a record's synced fields, in field-name order, as the drift report compares stores: equal
     * hashes mean equal values for every field given, whatever order a store lists them in.
     */
    public static String recordHash(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((field, value) -> {
            String canonical = canonical(value);
            if (canonical != null) {
                text.append(field).append('=').append(canonical.replace("\n", "\\n")).append('\n');
            }
        });
        return sha256(text.toString()).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
