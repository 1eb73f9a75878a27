package io.rapport.app.api;

import io.rapport.app.social.SocialRulesDryRun;
import io.rapport.app.social.rules.SocialRules;
import io.rapport.core.social.rules.DryRunReport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The social rules in force (config/social-rules.yaml, hot-reloaded) and their dry run (docs/social-rules.md). */
@RestController
@RequestMapping("/api/v1/social/rules")
class SocialRulesController {

    private final SocialRules rules;
    private final SocialRulesDryRun dryRun;

    SocialRulesController(SocialRules rules, SocialRulesDryRun dryRun) {
        this.rules = rules;
        this.dryRun = dryRun;
    }

    /** Which version is in force, since when, and the problems of the last edit that was refused, if any. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        SocialRules.Active active = rules.active();
        status.put("version", active.version());
        status.put("loadedAt", active.loadedAt().toString());
        status.put("sha256", active.sha256());
        status.put("rules", active.rules().rules().size());
        status.put("lastError", rules.lastError().orElse(null));
        return status;
    }

    /**
     * What the rules would do with the last {@code limit} recorded events. With a body (the YAML of a rule set), that
     * rule set is tried instead of the one in force; its problems come back as a 400 with their lines.
     */
    @PostMapping(path = "/dry-run", produces = MediaType.APPLICATION_JSON_VALUE)
    DryRunReport dryRun(@RequestBody(required = false) String yaml, @RequestParam(defaultValue = "1000") int limit) {
        return dryRun.run(yaml, Math.min(Math.max(limit, 1), 100_000));
    }
}
