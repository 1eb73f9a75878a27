package io.rapport.core.social.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The social rules in force: ordered rules, how many of them act on one post, who owns the Leads they create, the
 * Lead follow-up SLA and the listen/talk guard. Immutable; a reload builds a new one. Evaluating a post is pure and
 * deterministic: the same facts and the same pool turns always give the same plan, and nothing is done, only
 * planned.
 */
public final class SocialRuleSet {

    private final MatchMode mode;
    private final List<Rule> rules;
    private final Map<String, Rule> byId;
    private final Assignment assignment;
    private final FollowUpPolicy followUp;
    private final ListenTalkGuard guard;

    /**
     * @param mode       how many rules act on one post
     * @param rules      in order; ids unique
     * @param assignment who owns created Leads; {@link Assignment#NONE} to let Salesforce decide
     * @param followUp   the SLA for Leads whose createLead names none; {@link FollowUpPolicy#OFF} for none
     * @param guard      the listen/talk ratio for replies
     */
    public SocialRuleSet(MatchMode mode, List<Rule> rules, Assignment assignment, FollowUpPolicy followUp,
                         ListenTalkGuard guard) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.rules = List.copyOf(rules);
        this.assignment = assignment == null ? Assignment.NONE : assignment;
        this.followUp = followUp == null ? FollowUpPolicy.OFF : followUp;
        this.guard = guard == null ? ListenTalkGuard.DEFAULT : guard;
        Map<String, Rule> ids = new LinkedHashMap<>();
        for (Rule rule : this.rules) {
            if (ids.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("rule id " + rule.id() + " is used twice");
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.followUp.checkTemplates(false);
    }

    /** No rules: every post is read and nothing is done. */
    public static SocialRuleSet empty() {
        return new SocialRuleSet(MatchMode.ALL_MATCH, List.of(), Assignment.NONE, FollowUpPolicy.OFF,
                ListenTalkGuard.DEFAULT);
    }

    /**
     * What the rules want done for one post.
     *
     * @param turns the owner pools' turns ({@link RoundRobin#inMemory()}); advanced when a pool chooses an owner
     */
    public Evaluation evaluate(SocialFacts facts, RoundRobin turns) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(turns, "turns");
        Map<String, String> values = Placeholders.of(facts);
        RulePlanner planner = new RulePlanner(facts, values, assignment, turns, this::followUp);
        List<String> matched = new ArrayList<>();
        String ignoredBy = null;
        for (Rule rule : rules) {
            if (!rule.enabled() || !rule.when().matches(facts)) {
                continue;
            }
            matched.add(rule.id());
            if (rule.then().get(0) instanceof RuleAction.Ignore) {
                ignoredBy = rule.id();
                break;
            }
            planner.plan(rule);
            if (mode == MatchMode.FIRST_MATCH || rule.stop()) {
                break;
            }
        }
        return new Evaluation(facts.post().key(), matched, planner.actions(), planner.skipped(), ignoredBy, values);
    }

    /**
     * The follow-up SLA for a Lead the named rule created: the rule's own, else the rule set's. A rule removed since
     * the Lead was created falls back to the rule set's, so open Leads keep being watched.
     */
    public Optional<FollowUpPolicy> followUp(String ruleId) {
        FollowUpPolicy policy = Optional.ofNullable(byId.get(ruleId)).flatMap(Rule::createLead)
                .map(RuleAction.CreateLead::followUp).orElse(followUp);
        return policy.isOff() ? Optional.empty() : Optional.of(policy);
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public MatchMode mode() {
        return mode;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Assignment assignment() {
        return assignment;
    }

    /** The rule set's own follow-up SLA (for createLead actions that name none). */
    public FollowUpPolicy followUp() {
        return followUp;
    }

    public ListenTalkGuard guard() {
        return guard;
    }
}
