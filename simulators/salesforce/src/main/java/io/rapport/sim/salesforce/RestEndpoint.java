package io.rapport.sim.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /services/data}: the version list, then for every API call the session check, the daily API limit (with
 * the {@code Sforce-Limit-Info} header on every answer) and the request counters, before {@link DataApi} routes it.
 */
final class RestEndpoint implements HttpHandler {

    private final List<String> versions;
    private final Sessions sessions;
    private final ApiLimits limits;
    private final RequestCounters counters;
    private final DataApi api;

    RestEndpoint(List<String> versions, Sessions sessions, ApiLimits limits, RequestCounters counters, DataApi api) {
        this.versions = versions;
        this.sessions = sessions;
        this.limits = limits;
        this.counters = counters;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SandboxHttp.write(exchange, serve(exchange));
        } catch (RuntimeException e) {
            SandboxHttp.writeUnexpected(exchange, e);
        }
    }

    private ApiResponse serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/services/data") || path.equals("/services/data/")) {
            counters.request("versions");
            return ApiResponse.json(200, versions.stream().map(v -> Map.of("label", "Sandbox " + v,
                    "url", "/services/data/v" + v, "version", v)).toList());
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = SandboxHttp.headers(exchange);
        headers.remove(CompositeResource.FORCE_ALL_OR_NONE);
        ApiRequest request;
        try {
            request = ApiRequest.of(exchange.getRequestMethod(), SandboxHttp.url(exchange), body, headers);
        } catch (ApiException e) {
            counters.request("unknown");
            return ApiResponse.of(e);
        }
        counters.request(DataApi.kindOf(request));
        if (!sessions.authorizes(request.header("Authorization"))) {
            counters.request("rejected session");
            return ApiResponse.of(new ApiException(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        }
        if (!versions.contains(request.version())) {
            return ApiResponse.of(ApiException.notFound());
        }
        counters.apiCall();
        boolean allowed = limits.consume();
        String usage = limits.header();
        ApiResponse response;
        if (!allowed) {
            response = ApiResponse.of(new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));
        } else {
            try {
                response = api.call(request, SObjectStore.Caller.rest(request.version(), request.callingClient(),
                        !"false".equalsIgnoreCase(request.header("Sforce-Auto-Assign")), RequestArrival.current()));
            } catch (ApiException e) {
                response = ApiResponse.of(e);
            }
        }
        return response.withHeader("Sforce-Limit-Info", usage);
    }
}
