package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /__sandbox/}: the sandbox's own controls over HTTP, for demos driven with curl. Not a Salesforce API:
 * no session needed (the sandbox listens on loopback only), not counted as API calls, never faulted.
 *
 * <pre>
 * GET    /__sandbox/counts                 requests by endpoint kind and API calls
 * POST   /__sandbox/faults/latency         {"minMs":100,"maxMs":500} or {"fixedMs":200}
 * POST   /__sandbox/faults/failures        {"status":503,"count":5} or {"status":503,"seconds":60}, "pathPrefix" optional
 * DELETE /__sandbox/faults                 clears latency and failures
 * POST   /__sandbox/limits/exhaust | /__sandbox/limits/reset
 * POST   /__sandbox/sessions/expire
 * POST   /__sandbox/streaming/expire-clients
 * POST   /__sandbox/query-locators/expire
 * </pre>
 */
final class AdminEndpoint implements HttpHandler {

    private final SalesforceSandbox sandbox;
    private final Faults faults;
    private final Map<String, AdminAction> actions = new LinkedHashMap<>();

    /** One admin action: reads the JSON body (may be empty) and returns the reply body. */
    interface AdminAction {
        Object run(JsonNode body) throws IOException;
    }

    AdminEndpoint(SalesforceSandbox sandbox, Faults faults) {
        this.sandbox = sandbox;
        this.faults = faults;
        actions.put("GET counts", body -> Map.of("requests", sandbox.requestCounts(), "apiCalls", sandbox.apiCalls(),
                "remainingApiRequests", sandbox.remainingApiRequests(), "streamingSubscribers",
                sandbox.subscriberCount()));
        actions.put("POST faults/latency", this::latency);
        actions.put("POST faults/failures", this::failures);
        actions.put("DELETE faults", body -> {
            faults.clear();
            return Map.of("faults", "cleared");
        });
        actions.put("POST limits/exhaust", body -> {
            sandbox.exhaustApiLimit();
            return Map.of("remainingApiRequests", sandbox.remainingApiRequests());
        });
        actions.put("POST limits/reset", body -> {
            sandbox.resetApiLimits();
            return Map.of("remainingApiRequests", sandbox.remainingApiRequests());
        });
        actions.put("POST sessions/expire", body -> {
            sandbox.expireSessions();
            return Map.of("sessions", "expired");
        });
        actions.put("POST streaming/expire-clients", body -> {
            sandbox.expireStreamingClients();
            return Map.of("streamingClients", "expired");
        });
        actions.put("POST query-locators/expire", body -> {
            sandbox.expireQueryLocators();
            return Map.of("queryLocators", "expired");
        });
    }

    /** Adds an action, e.g. {@code "POST snapshot"}. */
    void add(String methodAndPath, AdminAction action) {
        actions.put(methodAndPath, action);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/__sandbox/".length()).replaceAll("/+$", "");
        AdminAction action = actions.get(exchange.getRequestMethod() + " " + path);
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (action == null) {
            SandboxHttp.write(exchange, ApiResponse.json(404, Map.of("error", "no such sandbox action",
                    "actions", List.copyOf(actions.keySet()))));
            return;
        }
        try {
            JsonNode body = bytes.length == 0 ? ApiRequest.JSON.createObjectNode() : ApiRequest.JSON.readTree(bytes);
            SandboxHttp.write(exchange, ApiResponse.json(200, action.run(body)));
        } catch (IOException | RuntimeException e) {
            SandboxHttp.write(exchange, ApiResponse.json(400, Map.of("error", String.valueOf(e.getMessage()))));
        }
    }

    private Object latency(JsonNode body) {
        long min = body.has("fixedMs") ? body.get("fixedMs").asLong() : body.path("minMs").asLong(0);
        long max = body.has("fixedMs") ? min : body.path("maxMs").asLong(min);
        faults.latency(Duration.ofMillis(min), Duration.ofMillis(max));
        return Map.of("minMs", min, "maxMs", max);
    }

    private Object failures(JsonNode body) {
        int status = body.path("status").asInt(503);
        String prefix = body.path("pathPrefix").asText("/");
        if (body.has("seconds")) {
            faults.failFor(Duration.ofSeconds(body.get("seconds").asLong()), status, prefix);
            return Map.of("status", status, "seconds", body.get("seconds").asLong(), "pathPrefix", prefix);
        }
        int count = body.path("count").asInt(1);
        faults.failNext(count, status, prefix);
        return Map.of("status", status, "count", count, "pathPrefix", prefix);
    }
}
