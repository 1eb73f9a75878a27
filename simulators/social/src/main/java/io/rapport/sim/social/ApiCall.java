package io.rapport.sim.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request to an X endpoint, read off the exchange: its query parameters (decoded, the first of repeated ones),
 * headers (names in lower case) and body, so that the endpoints never touch HTTP themselves.
 */
record ApiCall(XEndpoint endpoint, Map<String, String> query, Map<String, String> headers, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static ApiCall read(XEndpoint endpoint, HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new ApiCall(endpoint, form(exchange.getRequestURI().getRawQuery()), headers, body);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    String param(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String header(String name) {
        return headers.get(name);
    }

    JsonNode json() throws IOException {
        return JSON.readTree(body);
    }
}
