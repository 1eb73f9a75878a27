package io.rapport.sim.social;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes {@link ApiAnswer}s to the JDK HTTP server's exchanges, as X does: JSON in UTF-8. */
final class SandboxHttp {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private SandboxHttp() {
    }

    static void write(HttpExchange exchange, ApiAnswer answer) throws IOException {
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = ApiCall.JSON.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A failure inside the sandbox itself answers 500 in X's shape rather than dropping the connection. */
    static void writeUnexpected(HttpExchange exchange, boolean v1, Exception e) {
        try {
            ApiAnswer answer = v1 ? XErrors.v1(500, 131, "Internal error: " + e)
                    : XErrors.problem(500, "Internal Server Error", String.valueOf(e));
            write(exchange, answer);
        } catch (IOException | RuntimeException ignored) {
            exchange.close();
        }
    }
}
