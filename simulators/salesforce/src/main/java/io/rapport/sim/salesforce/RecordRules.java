package io.rapport.sim.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The checks Salesforce runs before it saves a record, with its documented errors: a declared schema's fields
 * (INVALID_FIELD), required fields (REQUIRED_FIELD_MISSING: Account.Name, Contact.LastName, Lead.LastName and
 * Company; Case requires nothing), fields marked unique (DUPLICATE_VALUE) and validation rules
 * (FIELD_CUSTOM_VALIDATION_EXCEPTION), and that an owner the client gives is a user or a queue
 * (INVALID_CROSS_REFERENCE_KEY, FIELD_INTEGRITY_EXCEPTION).
 */
final class RecordRules implements SObjectStore.Validator {

    /** A validation rule: when {@code violatedBy} holds for the record as it would be saved, the save fails. */
    record ValidationRule(Predicate<Map<String, Object>> violatedBy, String message, List<String> fields) {
    }

    private static final Map<String, List<String>> REQUIRED = Map.of("Account", List.of("Name"),
            "Contact", List.of("LastName"), "Lead", List.of("LastName", "Company"));

    private final SObjectTypes types;
    private final Map<String, List<String>> unique = new ConcurrentHashMap<>();
    private final Map<String, List<ValidationRule>> rules = new ConcurrentHashMap<>();

    RecordRules(SObjectTypes types) {
        this.types = types;
    }

    void markUnique(String type, String field) {
        unique.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(field);
    }

    void addRule(String type, ValidationRule rule) {
        rules.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(rule);
    }

    @Override
    public void validate(String type, String id, Map<String, Object> candidate, Map<String, Object> changes,
                         SObjectStore store) {
        for (String field : changes.keySet()) {
            if (types.field(type, field) == null) {
                throw ApiException.badRequest("INVALID_FIELD", "No such column '" + field + "' on sobject of type "
                        + type);
            }
        }
        if (Records.has(changes, "OwnerId")) {
            checkOwner(Records.get(candidate, "OwnerId"), store);
        }
        List<String> missing = new ArrayList<>();
        for (String field : REQUIRED.getOrDefault(type, List.of())) {
            Object value = Records.get(candidate, field);
            if (value == null || value.toString().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException(400, List.of(new SalesforceError("REQUIRED_FIELD_MISSING",
                    "Required fields are missing: " + missing, missing)));
        }
        for (String field : unique.getOrDefault(type, List.of())) {
            Object value = Records.get(candidate, field);
            if (value == null) {
                continue;
            }
            for (String other : store.findByField(type, field, value)) {
                if (!other.equals(id)) {
                    throw new ApiException(400, List.of(new SalesforceError("DUPLICATE_VALUE",
                            "duplicate value found: " + field + " duplicates value on record with id: " + other,
                            List.of(field))));
                }
            }
        }
        for (ValidationRule rule : rules.getOrDefault(type, List.of())) {
            if (rule.violatedBy().test(java.util.Collections.unmodifiableMap(candidate))) {
                throw new ApiException(400, List.of(new SalesforceError("FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        rule.message(), rule.fields())));
            }
        }
    }

    /** An owner is a user or a queue (a Group); Salesforce refuses any other id, and ids of nothing. */
    private static void checkOwner(Object owner, SObjectStore store) {
        String id = owner == null ? "" : owner.toString();
        String type = id.isBlank() ? null : store.typeOf(id).orElse(null);
        if (type == null || store.isDeleted(type, id)) {
            throw new ApiException(400, List.of(new SalesforceError("INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id", List.of("OwnerId"))));
        }
        if (!type.equals("User") && !type.equals("Group")) {
            throw new ApiException(400, List.of(new SalesforceError("FIELD_INTEGRITY_EXCEPTION",
                    "Owner ID: id value of incorrect type: " + id, List.of("OwnerId"))));
        }
    }
}
