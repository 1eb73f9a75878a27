package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field access on a record held as an ordered map. Salesforce field names are case-insensitive ({@code name} and
 * {@code Name} are one field), so lookups ignore case while the first spelling a record was given is kept.
 */
final class Records {

    private Records() {
    }

    static String keyOf(Map<String, Object> record, String field) {
        if (record.containsKey(field)) {
            return field;
        }
        for (String key : record.keySet()) {
            if (key.equalsIgnoreCase(field)) {
                return key;
            }
        }
        return null;
    }

    static Object get(Map<String, Object> record, String field) {
        String key = keyOf(record, field);
        return key == null ? null : record.get(key);
    }

    static boolean has(Map<String, Object> record, String field) {
        return keyOf(record, field) != null;
    }

    static void put(Map<String, Object> record, String field, Object value) {
        String key = keyOf(record, field);
        record.put(key == null ? field : key, value);
    }

    static void remove(Map<String, Object> record, String field) {
        String key = keyOf(record, field);
        if (key != null) {
            record.remove(key);
        }
    }

    /** A JSON object's fields as a record's, without the {@code attributes} and {@code Id} the client may echo. */
    static Map<String, Object> fieldsOf(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "Expected a JSON object for the record");
        }
        Map<String, Object> fields = ApiRequest.JSON.convertValue(node,
                new TypeReference<LinkedHashMap<String, Object>>() { });
        remove(fields, "attributes");
        remove(fields, "Id");
        return fields;
    }
}
