package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A plain HTTP client of the sandbox for the tests: logs in once, then calls the REST API with its session. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SalesforceSandbox sandbox;
    private String session;

    ApiClient(SalesforceSandbox sandbox) {
        this.sandbox = sandbox;
    }

    HttpResponse<String> login(String password) throws Exception {
        SalesforceSandbox.Config c = SalesforceSandbox.Config.defaults();
        String form = "grant_type=password&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret()
                + "&username=" + c.username() + "&password=" + password;
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
    }

    String session() throws Exception {
        if (session == null) {
            session = JSON.readTree(login("sandbox-password").body()).get("access_token").asText();
        }
        return session;
    }

    HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + session())
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    HttpResponse<String> csv(String method, String path, String csv) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + session()).header("Content-Type", "text/csv")
                .method(method, BodyPublishers.ofString(csv)).build(), BodyHandlers.ofString());
    }

    /** Polls until the condition holds, failing after a deadline: no sleeping for asynchronous work. */
    static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    JsonNode json(String method, String path, String body, String... headers) throws Exception {
        return JSON.readTree(call(method, path, body, headers).body());
    }

    String create(String type, String json) throws Exception {
        return json("POST", "/services/data/v62.0/sobjects/" + type, json).get("id").asText();
    }

    HttpResponse<String> query(String soql, String... headers) throws Exception {
        return call("GET", "/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8), null,
                headers);
    }

    JsonNode queryJson(String soql, String... headers) throws Exception {
        return JSON.readTree(query(soql, headers).body());
    }

    static String errorCode(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get(0).get("errorCode").asText();
    }
}
