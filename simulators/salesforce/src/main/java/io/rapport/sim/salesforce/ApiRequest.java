package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One REST API call below {@code /services/data/vXX.X/}, independent of HTTP, so that Composite can run its
 * subrequests through the same resources as direct calls.
 *
 * @param path    the decoded segments after the version: {@code ["sobjects", "Account", "001..."]}
 * @param headers request headers, names in lower case
 */
record ApiRequest(String method, String version, List<String> path, Map<String, String> query, byte[] body,
                  Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Parses {@code /services/data/v56.0/sobjects/Account?x=y} relative URLs, as Composite subrequests give them. */
    static ApiRequest of(String method, String url, byte[] body, Map<String, String> headers) {
        String rawPath = url;
        String rawQuery = null;
        int question = url.indexOf('?');
        if (question >= 0) {
            rawPath = url.substring(0, question);
            rawQuery = url.substring(question + 1);
        }
        String prefix = "/services/data/";
        if (!rawPath.startsWith(prefix)) {
            throw ApiException.notFound();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(prefix.length()).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        if (segments.isEmpty() || !segments.get(0).startsWith("v")) {
            throw ApiException.notFound();
        }
        String version = segments.remove(0).substring(1);
        return new ApiRequest(method.toUpperCase(Locale.ROOT), version, List.copyOf(segments), form(rawQuery), body,
                headers);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    String segment(int index) {
        return index < path.size() ? path.get(index) : null;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as JSON; Salesforce answers a body it cannot parse with 400 JSON_PARSER_ERROR. */
    JsonNode json() {
        try {
            JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as the fields of one record: a JSON object without its {@code attributes}. */
    Map<String, Object> fields() {
        return Records.fieldsOf(json());
    }

    /** The {@code client=} name of the {@code Sforce-Call-Options} header, which Change Data Capture reports. */
    String callingClient() {
        String options = header("Sforce-Call-Options");
        if (options == null) {
            return null;
        }
        for (String option : options.split(",")) {
            String trimmed = option.trim();
            if (trimmed.startsWith("client=")) {
                return trimmed.substring("client=".length());
            }
        }
        return null;
    }
}
