package io.rapport.core.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Customer ids derived from the record that founds a cluster, so that the same input in the same order always
 * yields the same ids (reproducible runs, comparable exports). A derived id still in use by another cluster is
 * salted until free.
 */
final class ClusterIds {

    private ClusterIds() {
    }

    static String forFounder(String recordKey, Predicate<String> inUse) {
        for (int salt = 0; ; salt++) {
            String id = derive(salt == 0 ? recordKey : recordKey + "#" + salt);
            if (!inUse.test(id)) {
                return id;
            }
        }
    }

    private static String derive(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "C" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
