package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /composite}: up to 25 subrequests to any resource the sandbox serves, run in order as one API call,
 * each able to use an earlier one's result through {@code @{referenceId.path}} (for example {@code @{acct.id}} or
 * {@code @{q.records[0].Id}}). With {@code allOrNone} the first failure rolls back all of them, and it also forces
 * allOrNone on sObject Collections subrequests, as Salesforce documents.
 */
final class CompositeResource {

    static final int MAX_SUBREQUESTS = 25;
    /** Tells an sObject Collections subrequest that the enclosing Composite request is all-or-none. */
    static final String FORCE_ALL_OR_NONE = "x-sandbox-composite-all-or-none";
    private static final Pattern REFERENCE = Pattern.compile("@\\{([^.}\\[]+)((?:\\.[^.}\\[]+|\\[\\d+])*)}");
    private static final Pattern PATH_STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");

    private final DataApi api;
    private final SObjectStore store;

    CompositeResource(DataApi api, SObjectStore store) {
        this.api = api;
        this.store = store;
    }

    ApiResponse handle(ApiRequest request, SObjectStore.Caller caller) {
        if (request.path().size() != 1) {
            throw ApiException.notFound();
        }
        if (!request.method().equals("POST")) {
            throw ApiException.methodNotAllowed(request.method(), "POST");
        }
        JsonNode body = request.json();
        JsonNode subrequests = body.path("compositeRequest");
        if (!subrequests.isArray() || subrequests.isEmpty()) {
            throw ApiException.badRequest("INVALID_FIELD", "compositeRequest is required and must not be empty");
        }
        if (subrequests.size() > MAX_SUBREQUESTS) {
            throw ApiException.badRequest("LIMIT_EXCEEDED", "Composite request can contain up to " + MAX_SUBREQUESTS
                    + " subrequests");
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        List<Map<String, Object>> responses = store.transaction(caller, tx -> run(request, caller, subrequests,
                allOrNone, tx));
        return ApiResponse.json(200, Map.of("compositeResponse", responses));
    }

    private List<Map<String, Object>> run(ApiRequest outer, SObjectStore.Caller caller, JsonNode subrequests,
                                          boolean allOrNone, SObjectStore.Transaction tx) {
        SObjectStore.Savepoint start = tx.savepoint();
        Map<String, JsonNode> results = new HashMap<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        int failedAt = -1;
        for (JsonNode sub : subrequests) {
            String referenceId = sub.path("referenceId").asText(null);
            if (failedAt >= 0 && allOrNone) {
                responses.add(result(referenceId, 400, halted(), Map.of()));
                continue;
            }
            ApiResponse response;
            ApiRequest request = null;
            try {
                request = subrequest(outer, sub, results, allOrNone);
                response = api.call(request, caller);
            } catch (ApiException e) {
                response = ApiResponse.of(e);
            }
            JsonNode resultBody = ApiRequest.JSON.valueToTree(response.body());
            if (referenceId != null) {
                results.put(referenceId, resultBody);
            }
            responses.add(result(referenceId, response.status(), response.body(), headersOf(request, response)));
            if (failed(response, resultBody) && failedAt < 0) {
                failedAt = responses.size() - 1;
            }
        }
        if (failedAt >= 0 && allOrNone) {
            tx.rollbackTo(start);
            for (int i = 0; i < failedAt; i++) {
                Map<String, Object> earlier = responses.get(i);
                responses.set(i, result((String) earlier.get("referenceId"), 400, halted(), Map.of()));
            }
        }
        return responses;
    }

    private ApiRequest subrequest(ApiRequest outer, JsonNode sub, Map<String, JsonNode> results, boolean allOrNone) {
        String method = sub.path("method").asText("GET");
        String url = resolve(sub.path("url").asText(""), results);
        byte[] body = null;
        if (sub.has("body") && !sub.get("body").isNull()) {
            String json = resolve(sub.get("body").toString(), results);
            body = json.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>(outer.headers());
        sub.path("httpHeaders").fields().forEachRemaining(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT),
                h.getValue().asText()));
        if (allOrNone) {
            headers.put(FORCE_ALL_OR_NONE, "true");
        }
        ApiRequest request = ApiRequest.of(method, url, body, headers);
        if (request.segment(0) != null && request.segment(0).equals("composite") && request.path().size() == 1) {
            throw ApiException.badRequest("INVALID_FIELD", "A composite request cannot contain a composite request");
        }
        return request;
    }

    /** Replaces each {@code @{ref.path}} with the value at that path of the named earlier result. */
    private static String resolve(String text, Map<String, JsonNode> results) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String reference = m.group(1);
            JsonNode value = results.get(reference);
            Matcher step = PATH_STEP.matcher(m.group(2));
            while (value != null && step.find()) {
                value = step.group(1) != null ? value.get(step.group(1)) : value.get(Integer.parseInt(step.group(2)));
            }
            if (value == null || value.isNull() || value.isContainerNode()) {
                throw ApiException.badRequest("PROCESSING_HALTED", "Invalid reference specified. No value for "
                        + reference + m.group(2) + " found in " + reference + ". Provided referenceId ('" + reference
                        + "') must match a previous subrequest's referenceId and the path must name a value.");
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(value.asText()));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    /** A subrequest failed when its status says so, or when an all-or-none sObject Collections result failed. */
    private static boolean failed(ApiResponse response, JsonNode body) {
        if (response.status() >= 400) {
            return true;
        }
        if (body.isArray()) {
            for (JsonNode result : body) {
                if (result.has("success") && !result.get("success").asBoolean()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A created record's {@code Location}, as Salesforce reports it in a subrequest's headers. */
    private static Map<String, String> headersOf(ApiRequest request, ApiResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (request != null && response.status() == 201 && response.body() instanceof Map<?, ?> body
                && body.get("id") != null && "sobjects".equals(request.segment(0))) {
            headers.put("Location", SObjectResource.url(request.version(), request.segment(1),
                    String.valueOf(body.get("id"))));
        }
        return headers;
    }

    private static List<Map<String, Object>> halted() {
        return List.of(new SalesforceError("PROCESSING_HALTED", "The transaction was rolled back since another"
                + " operation in the same transaction failed.").toJson());
    }

    private static Map<String, Object> result(String referenceId, int status, Object body, Map<String, String> headers) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("body", body);
        result.put("httpHeaders", headers);
        result.put("httpStatusCode", status);
        result.put("referenceId", referenceId);
        return result;
    }
}
