package io.rapport.core.party;

import java.util.Objects;

/**
 * A national or tax identifier: sensitive. Stored, matched and shown to authorized users, but masked in logs and
 * never sent to cloud targets. {@code value} is normalized (separators removed, upper case); {@link #toString()}
 * shows only the last two characters, so that an accidental log line leaks nothing useful.
 */
public record NationalId(String value) {

    public NationalId {
        Objects.requireNonNull(value, "value");
    }

    public String masked() {
        int shown = Math.min(2, value.length() / 4);
        return "*".repeat(value.length() - shown) + value.substring(value.length() - shown);
    }

    @Override
    public String toString() {
        return "NationalId[" + masked() + "]";
    }
}
