package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads requests from and writes {@link ApiResponse}s to the JDK HTTP server's exchanges. */
final class SandboxHttp {

    private SandboxHttp() {
    }

    static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return headers;
    }

    static String url(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    }

    static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = bytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] bytes(Object body) throws JsonProcessingException {
        if (body instanceof byte[] raw) {
            return raw;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return ApiRequest.JSON.writeValueAsBytes(body);
    }

    /** Answers a failure inside the sandbox itself as Salesforce's 500 UNKNOWN_EXCEPTION, not a dropped connection. */
    static void writeUnexpected(HttpExchange exchange, Exception e) {
        try {
            write(exchange, ApiResponse.json(500, List.of(new SalesforceError("UNKNOWN_EXCEPTION",
                    "An unexpected error occurred: " + e).toJson())));
        } catch (IOException | RuntimeException ignored) {
            exchange.close();
        }
    }
}
