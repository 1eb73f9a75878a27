package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An embeddable emulator of the documented Salesforce REST API, so that the real Camel Salesforce component (and
 * any other client) runs unchanged against it, offline: the OAuth 2.0 token endpoint (username-password and client
 * credentials flows), the API version list, and sObject create, read, update, delete and upsert by external id,
 * with Salesforce's error bodies, the {@code Sforce-Limit-Info} header and per-endpoint request counters.
 *
 * <pre>{@code
 * try (SalesforceSandbox sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0)) {
 *     String loginUrl = sandbox.baseUrl();   // camel.component.salesforce.login-url
 * }
 * }</pre>
 */
public final class SalesforceSandbox implements AutoCloseable {

    /** Connected app and user the token endpoint accepts, API versions served and the daily API request limit. */
    public record Config(String clientId, String clientSecret, String username, String password,
                         List<String> apiVersions, long dailyApiRequests) {

        public static Config defaults() {
            return new Config("rapport-sandbox-client", "rapport-sandbox-secret", "integration@rapport.sandbox",
                    "sandbox-password", List.of("56.0", "57.0", "58.0", "59.0", "60.0", "61.0", "62.0"), 15_000);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATA = "/services/data";

    private final Config config;
    private final HttpServer server;
    private final SObjectStore store;
    private final String organizationId;
    private final String userId;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong apiRequests = new AtomicLong();
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private SalesforceSandbox(Config config, HttpServer server, Clock clock) {
        this.config = config;
        this.server = server;
        SalesforceIds ids = new SalesforceIds("5g");
        this.store = new SObjectStore(ids, clock);
        this.organizationId = ids.next("Organization");
        this.userId = ids.next("User");
        server.createContext("/services/oauth2/token", this::token);
        server.createContext(DATA, this::data);
    }

    /** Starts a sandbox on the loopback interface; port 0 picks a free one. */
    public static SalesforceSandbox start(Config config, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SalesforceSandbox sandbox = new SalesforceSandbox(config, server, Clock.systemUTC());
        server.start();
        return sandbox;
    }

    /** Login URL and instance URL alike: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests served so far, by endpoint ({@code "POST sobjects"}, {@code "PATCH upsert"}, ...). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
        return counts;
    }

    /** Records of an sObject type in the sandbox. */
    public int count(String sObjectType) {
        return store.count(sObjectType);
    }

    /** Ends every session, as an expired or revoked token does: clients must log in again. */
    public void expireSessions() {
        sessions.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        counted("POST token");
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, Map.of("error", "invalid_request", "error_description", "must use HTTP POST"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String grant = form.getOrDefault("grant_type", "");
        if (!grant.equals("password") && !grant.equals("client_credentials")) {
            send(exchange, 400, Map.of("error", "unsupported_grant_type", "error_description", "grant type not supported"));
            return;
        }
        if (!config.clientId().equals(form.get("client_id"))) {
            send(exchange, 400, Map.of("error", "invalid_client_id", "error_description", "client identifier invalid"));
            return;
        }
        boolean secretOk = config.clientSecret().equals(form.get("client_secret"));
        boolean userOk = grant.equals("client_credentials")
                || (config.username().equals(form.get("username")) && config.password().equals(form.get("password")));
        if (!secretOk || !userOk) {
            send(exchange, 400, Map.of("error", secretOk ? "invalid_grant" : "invalid_client",
                    "error_description", secretOk ? "authentication failure" : "invalid client credentials"));
            return;
        }
        String session = organizationId.substring(0, 15) + "!" + randomHex(24);
        sessions.add(session);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("access_token", session);
        reply.put("instance_url", baseUrl());
        reply.put("id", baseUrl() + "/id/" + organizationId + "/" + userId);
        reply.put("token_type", "Bearer");
        reply.put("issued_at", Long.toString(System.currentTimeMillis()));
        reply.put("signature", randomHex(16));
        send(exchange, 200, reply);
    }

    private void data(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] path = exchange.getRequestURI().getPath().substring(DATA.length()).split("/");
        // path[0] is empty; path[1] the version ("v56.0"), then the resource
        if (path.length <= 1) {
            counted("GET versions");
            send(exchange, 200, config.apiVersions().stream()
                    .map(v -> Map.of("label", "Sandbox " + v, "url", DATA + "/v" + v, "version", v)).toList());
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !sessions.contains(authorization.replaceFirst("^(Bearer|OAuth) ", ""))) {
            counted("rejected session");
            send(exchange, 401, List.of(error("INVALID_SESSION_ID", "Session expired or invalid")));
            return;
        }
        if (!path[1].startsWith("v") || !config.apiVersions().contains(path[1].substring(1))) {
            counted(method + " unknown version");
            notFound(exchange);
            return;
        }
        long used = apiRequests.incrementAndGet();
        exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=" + used + "/" + config.dailyApiRequests());
        if (used > config.dailyApiRequests()) {
            counted(method + " over limit");
            send(exchange, 403, List.of(error("REQUEST_LIMIT_EXCEEDED",
                    "TotalRequests Limit exceeded.")));
            return;
        }
        if (path.length >= 4 && path[2].equals("sobjects")) {
            sObjects(exchange, method, path);
            return;
        }
        counted(method + " unknown resource");
        notFound(exchange);
    }

    private void sObjects(HttpExchange exchange, String method, String[] path) throws IOException {
        String type = path[3];
        try {
            if (path.length == 4 && method.equals("POST")) {
                counted("POST sobjects");
                String id = store.create(type, body(exchange));
                send(exchange, 201, Map.of("id", id, "success", true, "errors", List.of()));
            } else if (path.length == 5) {
                record(exchange, method, type, path[4]);
            } else if (path.length == 6) {
                byExternalId(exchange, method, path[1], type, path[4], URLDecoder.decode(path[5], StandardCharsets.UTF_8));
            } else {
                counted(method + " unknown resource");
                notFound(exchange);
            }
        } catch (JsonProcessingException e) {
            send(exchange, 400, List.of(error("JSON_PARSER_ERROR", "The request body is not a JSON object: "
                    + e.getOriginalMessage())));
        }
    }

    private void record(HttpExchange exchange, String method, String type, String id) throws IOException {
        counted(method + " sobject");
        switch (method) {
            case "GET" -> {
                var record = store.get(type, id);
                if (record.isPresent()) {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("attributes", Map.of("type", type,
                            "url", exchange.getRequestURI().getPath()));
                    reply.putAll(record.get());
                    send(exchange, 200, reply);
                } else {
                    notFound(exchange);
                }
            }
            case "PATCH" -> {
                if (store.update(type, id, body(exchange))) {
                    send(exchange, 204, null);
                } else {
                    notFound(exchange);
                }
            }
            case "DELETE" -> {
                if (store.delete(type, id)) {
                    send(exchange, 204, null);
                } else {
                    notFound(exchange);
                }
            }
            default -> send(exchange, 405, List.of(error("METHOD_NOT_ALLOWED",
                    "HTTP Method '" + method + "' not allowed. Allowed are GET,PATCH,DELETE")));
        }
    }

    private void byExternalId(HttpExchange exchange, String method, String version, String type, String field,
                              String value)
            throws IOException {
        if (method.equals("PATCH")) {
            counted("PATCH upsert");
            try {
                SObjectStore.Upserted upserted = store.upsert(type, field, value, body(exchange));
                send(exchange, upserted.created() ? 201 : 200,
                        Map.of("id", upserted.id(), "success", true, "errors", List.of(), "created", upserted.created()));
            } catch (SObjectStore.AmbiguousExternalId e) {
                send(exchange, 300, e.ids.stream().map(id -> DATA + "/" + version + "/sobjects/" + type + "/" + id).toList());
            }
        } else if (method.equals("GET")) {
            counted("GET by external id");
            List<String> found = store.findByExternalId(type, field, value);
            if (found.size() == 1) {
                record(exchange, "GET", type, found.get(0));
            } else {
                notFound(exchange);
            }
        } else {
            send(exchange, 405, List.of(error("METHOD_NOT_ALLOWED",
                    "HTTP Method '" + method + "' not allowed. Allowed are GET,PATCH")));
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, List.of(error("NOT_FOUND", "The requested resource does not exist")));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("errorCode", code, "message", message);
    }

    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Map<String, Object> fields = JSON.readValue(bytes, new TypeReference<LinkedHashMap<String, Object>>() { });
        fields.remove("attributes");
        fields.remove("Id");
        return fields;
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private void counted(String endpoint) {
        requestCounts.computeIfAbsent(endpoint, e -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
