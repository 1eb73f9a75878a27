package io.rapport.connector.x.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.connector.x.XSourceSettings.StreamRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the filtered stream's rules on X the configured ones: lists them, deletes those not configured (a rule is its
 * value and tag), adds the missing ones. X adds none of a batch when one is invalid, so invalid rules are reported
 * by value with X's reasons and the valid ones are added without them: one typo does not silence the others.
 */
final class StreamRulesSync {

    private static final Logger LOG = LoggerFactory.getLogger(StreamRulesSync.class);

    /** X answered something other than success: the caller backs off by {@link #answer}'s status and retries. */
    static final class Failed extends Exception {
        final transient HttpAnswer answer;

        Failed(String message, HttpAnswer answer) {
            super(message);
            this.answer = answer;
        }
    }

    /** What the sync did; {@code invalid} names each refused rule with X's reason. */
    record Outcome(List<String> added, List<String> deleted, List<String> invalid) {
    }

    private final XHttp http;

    StreamRulesSync(XHttp http) {
        this.http = http;
    }

    Outcome sync(List<StreamRule> configured) throws Exception {
        HttpAnswer listed = http.get(XApiPaths.STREAM_RULES, Map.of());
        JsonNode existing = checked(listed, "list the stream rules");
        Map<String, StreamRule> onServer = new LinkedHashMap<>();
        for (JsonNode rule : existing.path("data")) {
            onServer.put(rule.path("id").asText(), new StreamRule(rule.path("value").asText(),
                    rule.hasNonNull("tag") ? rule.get("tag").asText() : null));
        }
        List<String> toDelete = onServer.entrySet().stream().filter(e -> !configured.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        List<String> deleted = new ArrayList<>();
        if (!toDelete.isEmpty()) {
            checked(http.post(XApiPaths.STREAM_RULES, Map.of(), SinglePostDocuments.JSON.writeValueAsString(
                    Map.of("delete", Map.of("ids", toDelete)))), "delete stream rules");
            toDelete.forEach(id -> deleted.add(onServer.get(id).value()));
        }
        List<StreamRule> toAdd = configured.stream().filter(rule -> !onServer.containsValue(rule)).distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        List<String> invalid = new ArrayList<>();
        List<String> added = new ArrayList<>();
        if (!toAdd.isEmpty()) {
            JsonNode answer = add(toAdd);
            Set<String> refused = new LinkedHashSet<>();
            for (JsonNode error : answer.path("errors")) {
                if ("Invalid Rule".equals(error.path("title").asText()) || error.path("title").asText()
                        .toLowerCase(Locale.ROOT).contains("invalid")) {
                    String value = error.path("value").asText();
                    refused.add(value);
                    invalid.add("'" + value + "': " + details(error));
                }
            }
            if (!refused.isEmpty()) {
                LOG.error("X refused {} filtered-stream rule(s); fix x.filtered-stream.rules: {}", refused.size(),
                        invalid);
                toAdd.removeIf(rule -> refused.contains(rule.value()));
                if (!toAdd.isEmpty()) {
                    answer = add(toAdd);
                }
            }
            for (JsonNode rule : answer.path("data")) {
                added.add(rule.path("value").asText());
            }
        }
        if (!added.isEmpty() || !deleted.isEmpty()) {
            LOG.info("filtered-stream rules synchronized: added {}, deleted {}", added, deleted);
        }
        return new Outcome(added, deleted, invalid);
    }

    private JsonNode add(List<StreamRule> rules) throws Exception {
        List<Map<String, String>> add = rules.stream().map(rule -> {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("value", rule.value());
            if (rule.tag() != null) {
                json.put("tag", rule.tag());
            }
            return json;
        }).toList();
        HttpAnswer answer = http.post(XApiPaths.STREAM_RULES, Map.of(),
                SinglePostDocuments.JSON.writeValueAsString(Map.of("add", add)));
        JsonNode json = XProblem.parse(answer.body());
        if (answer.status() == 400 && json != null && json.has("errors")) {
            return json;  // the rules X refused, named in errors[]
        }
        return checked(answer, "add stream rules");
    }

    private static String details(JsonNode error) {
        List<String> details = new ArrayList<>();
        error.path("details").forEach(d -> details.add(d.asText()));
        return details.isEmpty() ? Objects.toString(error.path("title").asText(null), "invalid") : String.join("; ",
                details);
    }

    private static JsonNode checked(HttpAnswer answer, String what) throws Failed {
        if (!answer.ok()) {
            throw new Failed("could not " + what + ": " + XProblem.describe(answer), answer);
        }
        JsonNode json = XProblem.parse(answer.body());
        if (json == null) {
            throw new Failed("could not " + what + ": unreadable answer " + XProblem.summary(answer.body()), answer);
        }
        return json;
    }
}
