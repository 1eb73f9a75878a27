package io.rapport.sim.social;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The front door of every X endpoint, in X's order: count the request, apply injected faults, check the credentials,
 * take one from the endpoint's rate-limit window, then let the endpoint answer, with the rate-limit headers on
 * everything that got that far. The filtered stream is handed the exchange itself, as it never ends by itself.
 */
final class ApiHandler implements HttpHandler {

    /** A JSON endpoint. */
    interface Endpoint {
        ApiAnswer answer(ApiCall call) throws IOException;
    }

    /** The long-lived stream endpoint: writes to the exchange until the client or the sandbox goes away. */
    interface StreamEndpoint {
        void serve(HttpExchange exchange, ApiCall call, Map<String, String> rateHeaders) throws IOException;
    }

    private final RequestCounters counters;
    private final Faults faults;
    private final Credentials credentials;
    private final RateLimits rateLimits;
    private final Map<XEndpoint, Endpoint> endpoints = new EnumMap<>(XEndpoint.class);
    private final StreamEndpoint stream;

    ApiHandler(RequestCounters counters, Faults faults, Credentials credentials, RateLimits rateLimits,
               StreamEndpoint stream) {
        this.counters = counters;
        this.faults = faults;
        this.credentials = credentials;
        this.rateLimits = rateLimits;
        this.stream = stream;
    }

    void register(XEndpoint endpoint, Endpoint handler) {
        endpoints.put(endpoint, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean v1 = path.startsWith("/1.1/");
        try {
            XEndpoint endpoint = XEndpoint.find(exchange.getRequestMethod(), path);
            if (endpoint == null || (endpoint != XEndpoint.STREAM && !endpoints.containsKey(endpoint))) {
                counters.request(exchange.getRequestMethod() + " " + path);
                exchange.getRequestBody().readAllBytes();
                SandboxHttp.write(exchange, XErrors.notFound(v1));
                return;
            }
            counters.request(endpoint.key());
            ApiCall call = ApiCall.read(endpoint, exchange);
            Integer fault = faults.before(path);
            if (fault != null) {
                SandboxHttp.write(exchange, XErrors.fault(v1, fault));
                return;
            }
            ApiAnswer refusal = credentials.refusal(endpoint, call.header("authorization"));
            if (refusal != null) {
                SandboxHttp.write(exchange, refusal);
                return;
            }
            RateLimits.Decision decision = rateLimits.take(endpoint);
            if (!decision.allowed()) {
                SandboxHttp.write(exchange, XErrors.tooManyRequests(v1).withHeaders(decision.headers()));
                return;
            }
            if (endpoint == XEndpoint.STREAM) {
                stream.serve(exchange, call, decision.headers());
                return;
            }
            SandboxHttp.write(exchange, endpoints.get(endpoint).answer(call).withHeaders(decision.headers()));
        } catch (IOException e) {
            exchange.close();  // the client went away
        } catch (RuntimeException e) {
            SandboxHttp.writeUnexpected(exchange, v1, e);
        }
    }
}
