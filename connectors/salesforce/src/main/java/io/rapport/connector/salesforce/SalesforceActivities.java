package io.rapport.connector.salesforce;

import io.rapport.core.activity.ActivityNormalizer;
import io.rapport.core.activity.CustomerActivity;
import io.rapport.core.customer.SourceName;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a Salesforce activity record (a Case, a Task, as a query returns it) into the canonical activity. */
public final class SalesforceActivities {

    private static final SourceName SOURCE = SourceName.of(SalesforceSourceRecords.SOURCE);

    private final SalesforceMapping mapping;

    public SalesforceActivities(SalesforceMapping mapping) {
        this.mapping = mapping;
    }

    public boolean isActivity(String sObjectName) {
        return mapping.activities().containsKey(sObjectName);
    }

    /** @throws IllegalArgumentException when the record cannot be read (no id, a time that is not one) */
    public CustomerActivity toActivity(String sObjectName, Map<String, ?> record) {
        ActivityMapping activity = mapping.activity(sObjectName);
        Object id = record.get("Id");
        if (id == null) {
            throw new IllegalArgumentException("a " + sObjectName + " record without an Id cannot be stored");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        activity.fields().forEach((salesforceField, canonical) ->
                fields.put(canonical, SalesforceRecordMapper.canonical(record.get(salesforceField))));
        for (String lookup : activity.party()) {
            Object party = record.get(lookup);
            if (party != null && !party.toString().isBlank()) {
                fields.put("party_id", party.toString());
                break;
            }
        }
        Object changed = record.containsKey("SystemModstamp") ? record.get("SystemModstamp")
                : record.get("LastModifiedDate");
        fields.put("changed_at", changed == null ? null : changed.toString());
        return new ActivityNormalizer(activity.closedStatuses()).normalize(SOURCE, id.toString(), activity.kind(),
                SOURCE, fields);
    }
}
