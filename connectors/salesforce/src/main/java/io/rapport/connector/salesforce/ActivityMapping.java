package io.rapport.connector.salesforce;

import io.rapport.core.activity.ActivityKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One sObject type of activities (config/mappings/salesforce.yaml, {@code activities}): the canonical kind its
 * records are, the lookup fields that name the customer's record an activity is about (the first one set wins:
 * a Case's Contact before its Account), the statuses that mean done, and per Salesforce field the canonical
 * activity field it holds ({@code subject}, {@code status}, {@code priority}, {@code channel}, {@code occurred_at},
 * {@code due_date}). The hub reads activities; it does not write them.
 */
public record ActivityMapping(ActivityKind kind, List<String> party, Set<String> closedStatuses,
                              Map<String, String> fields) {

    private static final Set<String> CANONICAL = Set.of("subject", "status", "priority", "channel", "occurred_at",
            "due_date");

    public ActivityMapping {
        Objects.requireNonNull(kind, "kind");
        party = party == null ? List.of() : List.copyOf(party);
        closedStatuses = closedStatuses == null ? Set.of() : Set.copyOf(closedStatuses);
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("an activity mapping needs at least one field");
        }
        fields.forEach((salesforceField, canonical) -> {
            if (!CANONICAL.contains(canonical)) {
                throw new IllegalArgumentException(salesforceField + ": '" + canonical + "' is not an activity field;"
                        + " activity fields are " + CANONICAL);
            }
        });
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
