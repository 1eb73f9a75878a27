package io.rapport.core.customer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One customer record as a source system states it, before normalization: the source's name, the record's id
 * within that source and its fields (canonical column name to value, in the order the source gave them).
 * Empty values are absent: a source that leaves a column blank says nothing about it.
 */
public record SourceRecord(SourceName source, String sourceId, Map<String, String> fields) {

    public SourceRecord {
        Objects.requireNonNull(source, "source");
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId is required");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The key that identifies this record across the hub: unique per source. */
    public String key() {
        return source.value() + ":" + sourceId;
    }
}
