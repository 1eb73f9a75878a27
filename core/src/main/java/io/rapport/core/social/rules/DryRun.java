package io.rapport.core.social.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule set would do with recorded posts, without doing any of it: for trying a rule change on last week's
 * posts before it goes live. Pool turns start afresh for the run (the live rotation does not move); the listen/talk
 * guard is not applied, since it throttles sending replies, not queueing them.
 */
public final class DryRun {

    private DryRun() {
    }

    public static DryRunReport run(SocialRuleSet rules, List<SocialFacts> posts) {
        RoundRobin turns = RoundRobin.inMemory();
        List<Evaluation> evaluations = new ArrayList<>(posts.size());
        for (SocialFacts post : posts) {
            evaluations.add(rules.evaluate(post, turns));
        }
        return new DryRunReport(evaluations, summarize(rules, evaluations));
    }

    private static DryRunReport.Summary summarize(SocialRuleSet rules, List<Evaluation> evaluations) {
        Map<String, Integer> matches = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> actionsPerRule = new LinkedHashMap<>();
        for (Rule rule : rules.rules()) {
            matches.put(rule.id(), 0);
            actionsPerRule.put(rule.id(), new LinkedHashMap<>());
        }
        Map<String, Integer> actionsPerType = new LinkedHashMap<>();
        for (ActionType type : ActionType.values()) {
            if (type != ActionType.REASSIGN_LEAD) {
                actionsPerType.put(type.key(), 0);
            }
        }
        Map<String, Integer> skippedPerType = new LinkedHashMap<>();
        int withActions = 0;
        int ignored = 0;
        int unmatched = 0;
        for (Evaluation evaluation : evaluations) {
            evaluation.matchedRules().forEach(id -> matches.merge(id, 1, Integer::sum));
            for (PlannedAction action : evaluation.actions()) {
                actionsPerType.merge(action.type().key(), 1, Integer::sum);
                actionsPerRule.computeIfAbsent(action.ruleId(), id -> new LinkedHashMap<>())
                        .merge(action.type().key(), 1, Integer::sum);
            }
            evaluation.skipped().forEach(skip -> skippedPerType.merge(skip.type().key(), 1, Integer::sum));
            withActions += evaluation.actions().isEmpty() ? 0 : 1;
            ignored += evaluation.ignored() ? 1 : 0;
            unmatched += evaluation.matchedRules().isEmpty() ? 1 : 0;
        }
        return new DryRunReport.Summary(evaluations.size(), withActions, ignored, unmatched, matches,
                actionsPerType, actionsPerRule, skippedPerType);
    }
}
