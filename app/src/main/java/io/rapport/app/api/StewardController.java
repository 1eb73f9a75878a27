package io.rapport.app.api;

import io.rapport.app.resolve.CustomerQueries;
import io.rapport.app.resolve.StewardService;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-steward work: the review queue of possible matches, and merge, split and keep-apart decisions with their
 * audit trail. Decisions need the admin role (every non-GET API call does); reading needs viewer.
 */
@RestController
@RequestMapping(path = "/api/v1/stewardship", produces = MediaType.APPLICATION_JSON_VALUE)
class StewardController {

    private final StewardService steward;
    private final CustomerQueries queries;

    StewardController(StewardService steward, CustomerQueries queries) {
        this.steward = steward;
        this.queries = queries;
    }

    /** A decision's body: record keys are {@code <source>:<source_id>}. */
    record DecisionRequest(String record, String otherRecord, String note) {
    }

    @GetMapping("/review")
    Map<String, Object> reviewQueue(@RequestParam(defaultValue = "100") int limit) {
        requireLimit(limit);
        List<Map<String, Object>> items = queries.reviewQueue(limit);
        return Map.of("open", queries.reviewQueueSize(), "items", items);
    }

    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    StewardService.Decision merge(@RequestBody DecisionRequest request, Principal user) {
        return steward.merge(user.getName(), required(request.record(), "record"),
                required(request.otherRecord(), "otherRecord"), request.note());
    }

    @PostMapping(path = "/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    StewardService.Decision split(@RequestBody DecisionRequest request, Principal user) {
        return steward.split(user.getName(), required(request.record(), "record"), request.note());
    }

    @PostMapping(path = "/keep-apart", consumes = MediaType.APPLICATION_JSON_VALUE)
    StewardService.Decision keepApart(@RequestBody DecisionRequest request, Principal user) {
        return steward.keepApart(user.getName(), required(request.record(), "record"),
                required(request.otherRecord(), "otherRecord"), request.note());
    }

    @GetMapping("/actions")
    Map<String, Object> actions(@RequestParam(defaultValue = "100") int limit) {
        requireLimit(limit);
        return Map.of("actions", queries.stewardActions(limit));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: a record key, <source>:<source_id>");
        }
        return value.strip();
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }
}
