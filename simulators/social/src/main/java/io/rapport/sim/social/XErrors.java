package io.rapport.sim.social;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * X's error bodies, which differ by API generation: v2 answers problem JSON ({@code title}, {@code detail},
 * {@code type}, {@code status}), v1.1 answers {@code {"errors":[{"code","message"}]}} with X's numeric codes, which
 * Twitter4J reads into {@code TwitterException.getErrorCode()}.
 */
final class XErrors {

    private XErrors() {
    }

    static ApiAnswer unauthorized(boolean v1) {
        return v1 ? v1(401, 32, "Could not authenticate you.") : problem(401, "Unauthorized", "Unauthorized");
    }

    /** v1.1 without any Authorization header: X answers 400, code 215. */
    static ApiAnswer badAuthenticationData() {
        return v1(400, 215, "Bad Authentication data.");
    }

    static ApiAnswer tooManyRequests(boolean v1) {
        return v1 ? v1(429, 88, "Rate limit exceeded") : problem(429, "Too Many Requests", "Too Many Requests");
    }

    static ApiAnswer notFound(boolean v1) {
        if (v1) {
            return v1(404, 34, "Sorry, that page does not exist.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(Map.of("message", "The requested resource could not be found.")));
        body.put("title", "Not Found Error");
        body.put("detail", "The requested resource could not be found.");
        body.put("type", "https://api.twitter.com/2/problems/resource-not-found");
        return ApiAnswer.json(404, body);
    }

    /** v2's 400 for a bad parameter: the parameter, its value, and X's message. */
    static ApiAnswer invalidRequest(String parameter, String value, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameters", Map.of(parameter, List.of(value == null ? "" : value)));
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return ApiAnswer.json(400, body);
    }

    /** The answer to an injected fault: what X's edge says when it is overloaded or broken. */
    static ApiAnswer fault(boolean v1, int status) {
        if (v1) {
            return switch (status) {
                case 503 -> v1(503, 130, "Over capacity");
                case 500 -> v1(500, 131, "Internal error");
                case 429 -> tooManyRequests(true);
                default -> v1(status, 0, "Sandbox fault " + status);
            };
        }
        return switch (status) {
            case 503 -> problem(503, "Service Unavailable", "Service Unavailable");
            case 500 -> problem(500, "Internal Server Error", "Internal Server Error");
            case 429 -> tooManyRequests(false);
            default -> problem(status, "Sandbox Fault", "Sandbox fault " + status);
        };
    }

    /** An app-only bearer token on an endpoint that acts in a user's name (posting). */
    static ApiAnswer unsupportedAuthentication() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Unsupported Authentication");
        body.put("detail", "Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported"
                + " authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].");
        body.put("type", "https://api.twitter.com/2/problems/unsupported-authentication");
        body.put("status", 403);
        return ApiAnswer.json(403, body);
    }

    /** v2's refusal of content it understood but will not post (too long, duplicate, reply target gone). */
    static ApiAnswer forbidden(String detail) {
        return problem(403, "Forbidden", detail);
    }

    /** The second connection to the filtered stream: X allows one per app (on Pro). */
    static ApiAnswer tooManyConnections() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "ConnectionException");
        body.put("detail", "This stream is currently at the maximum allowed connection limit.");
        body.put("connection_issue", "TooManyConnections");
        body.put("type", "https://api.twitter.com/2/problems/streaming-connection");
        return ApiAnswer.json(429, body);
    }

    static ApiAnswer problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("detail", detail);
        body.put("type", "about:blank");
        body.put("status", status);
        return ApiAnswer.json(status, body);
    }

    static ApiAnswer v1(int status, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ApiAnswer.json(status, Map.of("errors", List.of(error)));
    }
}
