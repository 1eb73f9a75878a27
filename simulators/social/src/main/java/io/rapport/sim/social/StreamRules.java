package io.rapport.sim.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The filtered stream's rules and {@code GET/POST /2/tweets/search/stream/rules}: add ({@code {"add":[{"value",
 * "tag"}]}}), delete by id or value ({@code {"delete":{"ids":[...]}}}), list (optionally {@code ?ids=}), and
 * {@code dry_run=true} to validate without changing anything. Answers in X's shapes, {@code meta.sent} and
 * {@code meta.summary} included; invalid and duplicate rules are reported per rule, as X does.
 */
final class StreamRules {

    /** A rule as X stores it; {@code tag} may be null. */
    record Rule(String id, String value, String tag, SearchQuery query) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("value", value);
            if (tag != null) {
                json.put("tag", tag);
            }
            return json;
        }
    }

    static final int MAX_RULES = 1000;
    static final int MAX_RULE_LENGTH = 1024;

    private final Clock clock;
    private final AtomicLong ids;
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    StreamRules(Clock clock) {
        this.clock = clock;
        this.ids = new AtomicLong(1_600_000_000_000_000_000L + (clock.millis() % 1_000_000_000L) * 1000);
    }

    /** The rules a post matches, in the order they were added. */
    synchronized List<Rule> matching(Post post) {
        return rules.values().stream().filter(rule -> rule.query().matches(post)).toList();
    }

    synchronized List<Rule> all() {
        return List.copyOf(rules.values());
    }

    synchronized ApiAnswer list(ApiCall call) {
        String wanted = call.param("ids");
        Set<String> ids = wanted == null ? null : Set.of(wanted.split(","));
        List<Map<String, Object>> data = rules.values().stream()
                .filter(rule -> ids == null || ids.contains(rule.id()))
                .map(Rule::json).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        if (!data.isEmpty()) {
            body.put("data", data);
        }
        Map<String, Object> meta = meta();
        meta.put("result_count", data.size());
        body.put("meta", meta);
        return ApiAnswer.ok(body);
    }

    synchronized ApiAnswer change(ApiCall call) throws IOException {
        JsonNode json;
        try {
            json = call.json();
        } catch (IOException e) {
            return XErrors.problem(400, "Invalid Request", "Request body is not valid JSON: " + e.getMessage());
        }
        boolean dryRun = "true".equals(call.param("dry_run"));
        if (json != null && json.has("add") && json.get("add").isArray()) {
            return add(json.get("add"), dryRun);
        }
        if (json != null && json.has("delete") && json.get("delete").isObject()) {
            return delete(json.get("delete"), dryRun);
        }
        return XErrors.problem(400, "Invalid Request", "One or more parameters to your request was invalid."
                + " The request body must have 'add' (an array) or 'delete' (an object with 'ids' or 'values').");
    }

    /** Adds a rule from the Java API; the id. */
    synchronized String add(String value, String tag) {
        Rule rule = new Rule(String.valueOf(ids.incrementAndGet()), value, tag, SearchQuery.parse(value));
        rules.put(rule.id(), rule);
        return rule.id();
    }

    private ApiAnswer add(JsonNode add, boolean dryRun) {
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        int valid = 0;
        List<Rule> toAdd = new ArrayList<>();
        for (JsonNode node : add) {
            String value = node.path("value").asText("");
            String tag = node.hasNonNull("tag") ? node.get("tag").asText() : null;
            Rule duplicate = rules.values().stream().filter(r -> r.value().equals(value)).findFirst().orElse(null);
            if (duplicate != null) {
                valid++;
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("value", value);
                error.put("id", duplicate.id());
                error.put("title", "DuplicateRule");
                error.put("type", "https://api.twitter.com/2/problems/duplicate-rules");
                errors.add(error);
                continue;
            }
            try {
                if (value.length() > MAX_RULE_LENGTH) {
                    throw new SearchQuery.InvalidQuery("Rule length exceeds " + MAX_RULE_LENGTH + " characters");
                }
                toAdd.add(new Rule(String.valueOf(ids.incrementAndGet()), value, tag, SearchQuery.parse(value)));
                valid++;
            } catch (SearchQuery.InvalidQuery e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("value", value);
                error.put("details", List.of(e.getMessage()));
                error.put("title", "Invalid Rule");
                error.put("type", "https://api.twitter.com/2/problems/invalid-rules");
                errors.add(error);
            }
        }
        if (rules.size() + toAdd.size() > MAX_RULES) {
            return XErrors.problem(400, "RulesCapExceeded", "You have exceeded the maximum number of rules ("
                    + MAX_RULES + ") for your product");
        }
        boolean allValid = errors.stream().noneMatch(e -> "Invalid Rule".equals(e.get("title")));
        if (!dryRun && allValid) {  // X adds none of the rules when any of them is invalid
            toAdd.forEach(rule -> rules.put(rule.id(), rule));
        }
        if (allValid) {
            toAdd.forEach(rule -> created.add(rule.json()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (!created.isEmpty()) {
            body.put("data", created);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("created", created.size());
        summary.put("not_created", add.size() - created.size());
        summary.put("valid", valid);
        summary.put("invalid", add.size() - valid);
        Map<String, Object> meta = meta();
        meta.put("summary", summary);
        body.put("meta", meta);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return ApiAnswer.json(created.isEmpty() || dryRun ? 200 : 201, body);
    }

    private ApiAnswer delete(JsonNode delete, boolean dryRun) {
        List<String> wanted = new ArrayList<>();
        delete.path("ids").forEach(id -> wanted.add(id.asText()));
        List<String> values = new ArrayList<>();
        delete.path("values").forEach(value -> values.add(value.asText()));
        for (String value : values) {
            wanted.add(rules.values().stream().filter(r -> r.value().equals(value)).map(Rule::id).findFirst()
                    .orElse("value:" + value));
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        int deleted = 0;
        for (String id : wanted) {
            if (rules.containsKey(id)) {
                if (!dryRun) {
                    rules.remove(id);
                }
                deleted++;
            } else {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("value", id.startsWith("value:") ? id.substring(6) : id);
                error.put("details", List.of("Rule does not exist"));
                error.put("title", "Invalid Request");
                error.put("type", "https://api.twitter.com/2/problems/invalid-request");
                errors.add(error);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("deleted", deleted);
        summary.put("not_deleted", wanted.size() - deleted);
        Map<String, Object> meta = meta();
        meta.put("summary", summary);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meta", meta);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return ApiAnswer.ok(body);
    }

    private Map<String, Object> meta() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sent", V2Format.TIME.format(clock.instant()));
        return meta;
    }
}
