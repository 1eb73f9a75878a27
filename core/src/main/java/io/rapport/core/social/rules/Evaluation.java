package io.rapport.core.social.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rules decided for one post.
 *
 * @param postKey      the post
 * @param matchedRules the enabled rules whose condition held and that were looked at, in order
 * @param actions      what to do, in rule order then action order
 * @param skipped      what matching rules asked for but cannot be done, with why
 * @param ignoredBy    the rule that ignored the post; null when none did
 * @param values       the post's placeholder values: kept with a created Lead so follow-up escalations can quote it
 */
public record Evaluation(String postKey, List<String> matchedRules, List<PlannedAction> actions,
                         List<SkippedAction> skipped, String ignoredBy, Map<String, String> values) {

    public Evaluation {
        matchedRules = List.copyOf(matchedRules);
        actions = List.copyOf(actions);
        skipped = List.copyOf(skipped);
        values = Map.copyOf(values);
    }

    public boolean ignored() {
        return ignoredBy != null;
    }

    public List<PlannedAction> actions(ActionType type) {
        return actions.stream().filter(action -> action.type() == type).toList();
    }

    public Optional<PlannedAction> first(ActionType type) {
        return actions.stream().filter(action -> action.type() == type).findFirst();
    }
}
