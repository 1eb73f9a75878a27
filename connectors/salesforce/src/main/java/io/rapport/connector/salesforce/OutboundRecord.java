package io.rapport.connector.salesforce;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One customer to write to Salesforce: the hub's customer id (the external id), the id of the customer's record in
 * Salesforce when the hub knows one (null: the write finds or creates it by the external id), every synced value the
 * record should hold and which of them changed (only Salesforce fields made of changed values are sent).
 */
public record OutboundRecord(String customerId, String salesforceId, Map<String, String> desired,
                             Set<String> changed) {

    public OutboundRecord {
        Objects.requireNonNull(customerId, "customerId");
        desired = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(desired));
        changed = Set.copyOf(changed);
    }

    /** A customer whose record the write finds or creates by the external id. */
    public OutboundRecord(String customerId, Map<String, String> desired, Set<String> changed) {
        this(customerId, null, desired, changed);
    }
}
