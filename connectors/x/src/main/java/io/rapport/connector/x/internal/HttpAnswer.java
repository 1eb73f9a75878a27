package io.rapport.connector.x.internal;

import java.util.Map;
import java.util.TreeMap;

/** One answer of X read to the end: status, body as text (UTF-8) and the headers the connector looks at. */
public record HttpAnswer(int status, String body, Map<String, String> headers) {

    public HttpAnswer {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
