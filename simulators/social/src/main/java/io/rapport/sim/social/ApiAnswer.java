package io.rapport.sim.social;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to an {@link ApiCall}: a status, a JSON body (maps and lists) and extra headers. */
record ApiAnswer(int status, Object body, Map<String, String> headers) {

    static ApiAnswer json(int status, Object body) {
        return new ApiAnswer(status, body, new LinkedHashMap<>());
    }

    static ApiAnswer ok(Object body) {
        return json(200, body);
    }

    ApiAnswer withHeaders(Map<String, String> more) {
        headers.putAll(more);
        return this;
    }
}
