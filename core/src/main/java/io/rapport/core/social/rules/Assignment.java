package io.rapport.core.social.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who owns a Lead: the first assignment rule whose condition holds names an owner, or a pool whose members take
 * turns. A rule without a condition matches every post: put it last as the default. With no rule matching, no owner
 * is chosen and Salesforce decides.
 *
 * @param pools owner pools by name: user or queue ids taking turns
 * @param rules in order
 */
public record Assignment(Map<String, List<String>> pools, List<AssignmentRule> rules) {

    public static final Assignment NONE = new Assignment(Map.of(), List.of());

    public Assignment {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (pools == null ? Map.<String, List<String>>of() : pools).forEach((name, members) -> {
            if (members == null || members.isEmpty()) {
                throw new IllegalArgumentException("pool " + name + " has no members");
            }
            members.forEach(member -> SalesforceIds.requireOwner(member, "pool " + name + " member"));
            copy.put(name, List.copyOf(members));
        });
        pools = Collections.unmodifiableMap(copy);
        rules = rules == null ? List.of() : List.copyOf(rules);
        for (AssignmentRule rule : rules) {
            if (rule.pool() != null && !pools.containsKey(rule.pool())) {
                throw new IllegalArgumentException("assignment pool " + rule.pool() + " is not defined"
                        + DidYouMean.hint(rule.pool(), pools.keySet()));
            }
        }
    }

    /** The chosen owner and how it was chosen. */
    public record Choice(String owner, String reason) {
    }

    /** The owner for the post; empty when no rule matches. Moves the pool's turn when a pool is chosen. */
    public Optional<Choice> choose(SocialFacts facts, RoundRobin turns) {
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            if (rule.when().matches(facts)) {
                String why = "assignment rule " + (i + 1);
                if (rule.owner() != null) {
                    return Optional.of(new Choice(rule.owner(), why));
                }
                String owner = turns.next(rule.pool(), pools.get(rule.pool()));
                return Optional.of(new Choice(owner, why + ", pool " + rule.pool()));
            }
        }
        return Optional.empty();
    }

    /**
     * One assignment rule: exactly one of owner and pool.
     *
     * @param when  its condition; reposts and duplicates are not left out here (the rule that creates the Lead
     *              already decided on them)
     * @param owner a user or queue id
     * @param pool  the name of a pool
     */
    public record AssignmentRule(Condition when, String owner, String pool) {

        public AssignmentRule {
            when = when == null ? Condition.builder().includeReposts(true).includeDuplicates(true).build() : when;
            if ((owner == null) == (pool == null)) {
                throw new IllegalArgumentException("an assignment rule names either an owner or a pool");
            }
            SalesforceIds.requireOwner(owner, "assignment owner");
            Objects.requireNonNull(when, "when");
        }
    }
}
