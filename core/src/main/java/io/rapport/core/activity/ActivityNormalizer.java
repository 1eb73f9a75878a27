package io.rapport.core.activity;

import io.rapport.core.customer.SourceName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normalizer of activities: a source's activity record, its fields already under the canonical names
 * ({@code subject}, {@code status}, {@code priority}, {@code channel}, {@code occurred_at}, {@code due_date},
 * {@code changed_at}, {@code party_id}), becomes a {@link CustomerActivity}. Blank values say nothing; a timestamp
 * or date that is not one is refused with the field named, rather than stored as a guess.
 */
public final class ActivityNormalizer {

    /** Salesforce writes offsets without a colon ({@code +0000}); ISO-8601 has one. Both are read. */
    private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final Set<String> closedStatuses;

    /** @param closedStatuses the statuses that mean done (compared ignoring case), e.g. Closed, Completed */
    public ActivityNormalizer(Set<String> closedStatuses) {
        this.closedStatuses = closedStatuses.stream().map(status -> status.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param partySource the system the {@code party_id} belongs to (the activity's own system, as a rule)
     * @throws IllegalArgumentException naming every field that cannot be read
     */
    public CustomerActivity normalize(SourceName source, String sourceId, ActivityKind kind, SourceName partySource,
                                      Map<String, String> fields) {
        List<String> problems = new ArrayList<>();
        Instant changedAt = instant(fields, "changed_at", problems);
        Instant occurredAt = instant(fields, "occurred_at", problems);
        LocalDate dueDate = date(fields, "due_date", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + source.value() + ":" + sourceId + ": "
                    + String.join("; ", problems));
        }
        if (changedAt == null) {
            throw new IllegalArgumentException(kind + " " + source.value() + ":" + sourceId
                    + ": changed_at is required (when the source last changed it)");
        }
        String status = text(fields, "status");
        String partyId = text(fields, "party_id");
        return new CustomerActivity(source, sourceId, kind, partyId == null ? null : partySource.value() + ":" + partyId,
                text(fields, "subject"), status, text(fields, "priority"), text(fields, "channel"),
                status != null && closedStatuses.contains(status.toLowerCase(Locale.ROOT)),
                occurredAt != null ? occurredAt : changedAt, dueDate, changedAt);
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(Map<String, String> fields, String name, List<String> problems) {
        String value = text(fields, name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " '" + value + "' is not a timestamp with an offset");
            return null;
        }
    }

    private static LocalDate date(Map<String, String> fields, String name, List<String> problems) {
        String value = text(fields, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            problems.add(name + " '" + value + "' is not a date");
            return null;
        }
    }
}
