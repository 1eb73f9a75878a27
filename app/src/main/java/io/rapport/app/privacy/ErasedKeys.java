package io.rapport.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form in which the hub remembers an erased source record: the SHA-256 of its key, so that a late delivery of
 * it can be recognized without the hub keeping the key (and with it whatever a source put in its ids).
 */
public final class ErasedKeys {

    private static final String DOMAIN = "rapport-erasure:v1:";

    private ErasedKeys() {
    }

    /** The hash kept for a record key ({@code <source>:<source id>}): 64 lower-case hex digits. */
    public static String hash(String recordKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((DOMAIN + recordKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
