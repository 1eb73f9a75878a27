package io.rapport.sim.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry of Salesforce's error body: {@code {"message":..,"errorCode":..,"fields":[..]}}. */
record SalesforceError(String errorCode, String message, List<String> fields) {

    SalesforceError(String errorCode, String message) {
        this(errorCode, message, List.of());
    }

    /** The REST API's shape; {@code fields} only when there are some, as Salesforce omits it for most codes. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("message", message);
        json.put("errorCode", errorCode);
        if (!fields.isEmpty()) {
            json.put("fields", fields);
        }
        return json;
    }

    /** The sObject Collections and Composite results' shape: {@code statusCode} instead of {@code errorCode}. */
    Map<String, Object> toResultJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statusCode", errorCode);
        json.put("message", message);
        json.put("fields", fields);
        return json;
    }
}
