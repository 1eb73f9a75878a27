package io.rapport.sim.salesforce;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sObject types the org has, under their API spelling. Salesforce names types case-insensitively
 * ({@code account} is {@code Account}) and rejects unknown ones, so the sandbox knows the common standard objects,
 * accepts any custom object ({@code __c}) under the spelling it first sees, and any type a schema declares.
 */
final class SObjectTypes {

    private static final List<String> STANDARD = List.of("Account", "Contact", "Lead", "Case", "Task", "Event",
            "Opportunity", "OpportunityLineItem", "User", "Campaign", "CampaignMember", "Product2", "Pricebook2",
            "PricebookEntry", "Order", "OrderItem", "Contract", "Asset", "Note", "Attachment", "Organization", "Group",
            "CollaborationGroup", "FeedItem");

    private final Map<String, String> byLowerCase = new ConcurrentHashMap<>();
    /** Declared fields per type (lower case to API spelling); a type without an entry is schemaless. */
    private final Map<String, Map<String, String>> schemas = new ConcurrentHashMap<>();

    SObjectTypes() {
        STANDARD.forEach(this::declare);
    }

    void declare(String type) {
        byLowerCase.putIfAbsent(type.toLowerCase(Locale.ROOT), type);
    }

    /**
     * Declares a type's fields: the org then rejects other fields with INVALID_FIELD, except the system fields and
     * custom ({@code __c}) ones, which stay free so that tests can add what they need.
     */
    void declareSchema(String type, Collection<String> fields) {
        byLowerCase.put(type.toLowerCase(Locale.ROOT), type);
        Map<String, String> declared = new ConcurrentHashMap<>();
        fields.forEach(f -> declared.put(f.toLowerCase(Locale.ROOT), f));
        schemas.put(type, declared);
    }

    /** A field's API spelling: the declared one, or null when a schema is declared and lacks the field. */
    String field(String type, String field) {
        Map<String, String> declared = schemas.get(type);
        if (declared == null || SObjectStore.isSystemField(field) || field.toLowerCase(Locale.ROOT).endsWith("__c")) {
            return field;
        }
        return declared.get(field.toLowerCase(Locale.ROOT));
    }

    /** The API name of a type, or null when the org has no such type. */
    String canonical(String type) {
        if (type == null || type.isEmpty()) {
            return null;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        String known = byLowerCase.get(lower);
        if (known != null) {
            return known;
        }
        if (lower.endsWith("__c") && lower.length() > 3) {
            return byLowerCase.computeIfAbsent(lower, l -> type);
        }
        return null;
    }

    /** The API name, or Salesforce's 404 for an sObject resource of an unknown type. */
    String require(String type) {
        String canonical = canonical(type);
        if (canonical == null) {
            throw ApiException.notFound();
        }
        return canonical;
    }
}
