package io.rapport.core.social.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link DryRun}.
 *
 * @param posts   per post, in the order given: the rules that matched and the actions they would take
 * @param summary the counts
 */
public record DryRunReport(List<Evaluation> posts, Summary summary) {

    public DryRunReport {
        posts = List.copyOf(posts);
    }

    /**
     * @param posts            posts evaluated
     * @param postsWithActions posts that would get at least one action
     * @param postsIgnored     posts a rule ignored
     * @param postsUnmatched   posts no rule matched
     * @param matchesPerRule   per rule id, in rule order (0 for a rule that never matched): posts it matched
     * @param actionsPerType   per action type ({@code createLead}, {@code alert.slack}, ...): actions planned
     * @param actionsPerRule   per rule id, per action type: actions planned
     * @param skippedPerType   per action type: actions rules asked for but that were skipped
     */
    public record Summary(int posts, int postsWithActions, int postsIgnored, int postsUnmatched,
                          Map<String, Integer> matchesPerRule, Map<String, Integer> actionsPerType,
                          Map<String, Map<String, Integer>> actionsPerRule, Map<String, Integer> skippedPerType) {

        public Summary {
            matchesPerRule = ordered(matchesPerRule);
            actionsPerType = ordered(actionsPerType);
            Map<String, Map<String, Integer>> perRule = new LinkedHashMap<>();
            actionsPerRule.forEach((rule, counts) -> perRule.put(rule, ordered(counts)));
            actionsPerRule = Collections.unmodifiableMap(perRule);
            skippedPerType = ordered(skippedPerType);
        }

        private static Map<String, Integer> ordered(Map<String, Integer> counts) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }
    }
}
