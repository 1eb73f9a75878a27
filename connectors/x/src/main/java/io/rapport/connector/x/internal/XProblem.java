package io.rapport.connector.x.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads X's error bodies (v2 problem JSON, with {@code errors[].message}) into one line for logs and status. */
final class XProblem {

    private XProblem() {
    }

    static String describe(HttpAnswer answer) {
        return "HTTP " + answer.status() + " " + summary(answer.body());
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : SinglePostDocuments.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    static String summary(String body) {
        JsonNode json = parse(body);
        if (json == null || !json.isObject()) {
            String text = body == null ? "" : body.strip();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        StringBuilder summary = new StringBuilder();
        append(summary, json.path("title").asText(null));
        append(summary, json.path("detail").asText(null));
        append(summary, json.path("connection_issue").asText(null));
        for (JsonNode error : json.path("errors")) {
            append(summary, error.path("message").asText(null));
        }
        return summary.toString();
    }

    private static void append(StringBuilder summary, String part) {
        if (part != null && !part.isBlank() && summary.indexOf(part) < 0) {
            summary.append(summary.isEmpty() ? "" : ": ").append(part);
        }
    }
}
