package io.rapport.app.social;

import io.rapport.app.social.rules.SocialRules;
import io.rapport.core.social.rules.DryRun;
import io.rapport.core.social.rules.DryRunReport;
import io.rapport.core.social.rules.SocialFacts;
import io.rapport.core.social.rules.SocialRuleSet;
import java.util.List;

/**
 * Dry-run mode: which actions a rule set (the one in force, or one being written) would take on the events the hub
 * has recorded. Nothing is created, sent or queued, and the live rules' round-robin turns do not move.
 */
public class SocialRulesDryRun {

    private final SocialRules rules;
    private final SocialEventQueries events;
    private final CustomerCrmRecords crm;

    public SocialRulesDryRun(SocialRules rules, SocialEventQueries events, CustomerCrmRecords crm) {
        this.rules = rules;
        this.events = events;
        this.crm = crm;
    }

    /** @param yaml a rule set in the format of config/social-rules.yaml, or null for the one in force */
    public DryRunReport run(String yaml, int limit) {
        SocialRuleSet ruleSet = yaml == null || yaml.isBlank() ? rules.current() : rules.parse("posted rules", yaml);
        List<SocialFacts> facts = events.recorded(limit).stream()
                .map(post -> RulesActionPlanner.facts(post, crm))
                .toList();
        return DryRun.run(ruleSet, facts);
    }
}
