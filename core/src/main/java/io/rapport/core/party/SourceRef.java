package io.rapport.core.party;

import io.rapport.core.customer.SourceName;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a statement about a customer comes from: the source system, the record's id in it and when the source
 * last changed it (or, where the source does not say, when the hub received it). Lineage is a SourceRef per field.
 */
public record SourceRef(SourceName system, String sourceId, Instant timestamp) {

    public SourceRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** Unique across the hub: {@code <source>:<source_id>}. */
    public String key() {
        return system.value() + ":" + sourceId;
    }
}
