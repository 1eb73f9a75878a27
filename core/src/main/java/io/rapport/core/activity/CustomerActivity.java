package io.rapport.core.activity;

import io.rapport.core.customer.SourceName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Canonical Data Model of a dealing with a customer, from whichever system recorded it: a service case, a task. It
 * names the record of the customer it is about ({@code party}, a source record key such as {@code salesforce:003…}),
 * not the customer: the hub resolves that record to whichever customer it belongs to when the activity is read, so
 * merges and splits carry the activity along.
 *
 * @param source     the system that recorded it
 * @param sourceId   its id there
 * @param kind       what it is
 * @param party      the key ({@code <source>:<id>}) of the customer record it is about; null when it names none
 * @param subject    one line saying what it is about; may be null
 * @param status     the source's own status (New, Escalated, Completed, …); may be null
 * @param priority   the source's own priority; may be null
 * @param channel    how it reached the company (Case origin: Phone, Email, Web, …); may be null
 * @param closed     whether the source counts it as done
 * @param occurredAt when it was opened or created
 * @param dueDate    when it is due (tasks); may be null
 * @param changedAt  when the source last changed it
 */
public record CustomerActivity(SourceName source, String sourceId, ActivityKind kind, String party, String subject,
                               String status, String priority, String channel, boolean closed, Instant occurredAt,
                               LocalDate dueDate, Instant changedAt) {

    public CustomerActivity {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    /** Unique across the hub: {@code <source>:<source_id>}. */
    public String key() {
        return source.value() + ":" + sourceId;
    }
}
