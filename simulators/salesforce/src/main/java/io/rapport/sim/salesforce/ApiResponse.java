package io.rapport.sim.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to an {@link ApiRequest}: a status and a body that is either a JSON value or, for Bulk API 2.0
 * results, text of its own content type.
 */
record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json;charset=UTF-8";

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, body, JSON_TYPE, new LinkedHashMap<>());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, null, new LinkedHashMap<>());
    }

    static ApiResponse text(int status, String body, String contentType) {
        return new ApiResponse(status, body, contentType, new LinkedHashMap<>());
    }

    static ApiResponse of(ApiException e) {
        return json(e.status, e.errors.stream().map(SalesforceError::toJson).toList());
    }

    ApiResponse withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
