package io.rapport.core.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * The value of a field every store should hold, the store whose change set it and when that store says it changed.
 *
 * @param value canonical value; null when the field was cleared
 */
public record AgreedValue(String value, String origin, Instant changedAt) {

    public AgreedValue {
        value = SyncValues.canonical(value);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    public String hash() {
        return SyncValues.hash(value);
    }
}
