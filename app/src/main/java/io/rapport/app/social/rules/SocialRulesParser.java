package io.rapport.app.social.rules;

import io.rapport.app.social.rules.YamlNodes.Entry;
import io.rapport.core.social.rules.Assignment;
import io.rapport.core.social.rules.Assignment.AssignmentRule;
import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.DidYouMean;
import io.rapport.core.social.rules.FollowUpPolicy;
import io.rapport.core.social.rules.ListenTalkGuard;
import io.rapport.core.social.rules.MatchMode;
import io.rapport.core.social.rules.Rule;
import io.rapport.core.social.rules.RuleAction;
import io.rapport.core.social.rules.SalesforceIds;
import io.rapport.core.social.rules.SocialRuleSet;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the whole rule file: mode, guard, assignment, follow-up and the rules. */
final class SocialRulesParser {

    static final List<String> TOP_KEYS = List.of("mode", "guard", "assignment", "followUp", "rules");
    static final List<String> RULE_KEYS = List.of("id", "description", "enabled", "when", "then", "stop");
    private static final Map<String, MatchMode> MODES = ConditionReader.choices(MatchMode.values(), MatchMode::key);

    private final YamlNodes yaml;
    private final ConditionReader conditions;
    private final ActionReader actions;

    SocialRulesParser(YamlNodes yaml) {
        this.yaml = yaml;
        this.conditions = new ConditionReader(yaml);
        this.actions = new ActionReader(yaml);
    }

    /** The rule set, or null when the file has problems (all recorded). */
    SocialRuleSet parse(Node root) {
        if (YamlNodes.isNull(root)) {
            yaml.problem(1, 1, "the file is empty: it needs at least rules: (rules: [] for none)");
            return null;
        }
        Map<String, Entry> keys = yaml.mapping(root, "the file", TOP_KEYS);
        if (keys == null) {
            return null;
        }
        MatchMode mode = keys.containsKey("mode") ? yaml.choice(keys.get("mode").value(), "mode", MODES)
                : MatchMode.ALL_MATCH;
        ListenTalkGuard guard = keys.containsKey("guard") ? guard(keys.get("guard").value())
                : ListenTalkGuard.DEFAULT;
        Assignment assignment = keys.containsKey("assignment") ? assignment(keys.get("assignment").value())
                : Assignment.NONE;
        FollowUpPolicy followUp = keys.containsKey("followUp")
                ? actions.followUp(keys.get("followUp"), "followUp", false) : FollowUpPolicy.OFF;
        List<Rule> rules = null;
        if (!keys.containsKey("rules")) {
            yaml.problem(root, "the file needs rules: (rules: [] for none)");
        } else {
            rules = rules(keys.get("rules").value());
        }
        if (yaml.problemCount() > 0) {
            return null;
        }
        List<Rule> finalRules = rules;
        return construct(root, "the file", () -> new SocialRuleSet(mode, finalRules, assignment, followUp, guard));
    }

    private List<Rule> rules(Node node) {
        if (YamlNodes.isNull(node)) {
            return List.of();
        }
        List<Node> items = yaml.sequence(node, "rules");
        if (items == null) {
            return null;
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, ScalarNode> ids = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Rule rule = rule(items.get(i), i + 1, ids);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(Node node, int number, Map<String, ScalarNode> ids) {
        int before = yaml.problemCount();
        String where = "rules[" + number + "]" + peekId(node).map(id -> " (" + id + ")").orElse("");
        Map<String, Entry> keys = yaml.mapping(node, where, RULE_KEYS);
        if (keys == null) {
            return null;
        }
        String id = null;
        if (!keys.containsKey("id")) {
            yaml.problem(node, where + " needs an id");
        } else {
            id = yaml.text(keys.get("id").value(), where + ".id");
            if (id != null) {
                id = id.strip();
                ScalarNode idNode = (ScalarNode) keys.get("id").value();
                if (!Rule.ID.matcher(id).matches()) {
                    yaml.problem(idNode, where + ": the id must be letters, digits, - _ . (no spaces)");
                }
                ScalarNode first = ids.putIfAbsent(id, idNode);
                if (first != null) {
                    yaml.problem(idNode, where + ": rule id " + id + " is used twice (first on line "
                            + (first.getStartMark().getLine() + 1) + ")");
                }
            }
        }
        String description = keys.containsKey("description")
                ? yaml.text(keys.get("description").value(), where + ".description") : null;
        Boolean enabled = keys.containsKey("enabled") ? yaml.bool(keys.get("enabled").value(), where + ".enabled")
                : Boolean.TRUE;
        Boolean stop = keys.containsKey("stop") ? yaml.bool(keys.get("stop").value(), where + ".stop") : Boolean.FALSE;
        Entry when = keys.get("when");
        ConditionReader.Result condition = conditions.read(when == null ? null : when.value(), where + ".when", true);
        List<RuleAction> then = null;
        if (!keys.containsKey("then")) {
            yaml.problem(node, where + " needs then: the actions it takes (ignore to do nothing)");
        } else {
            Node thenNode = keys.get("then").value();
            boolean createsLead = ActionReader.names(thenNode, "createLead");
            then = actions.then(thenNode, where + ".then", condition.author() == AuthorKind.KNOWN, createsLead);
        }
        if (yaml.problemCount() > before) {
            return null;
        }
        String ruleId = id;
        List<RuleAction> ruleActions = then;
        return construct(node, where, () -> new Rule(ruleId, description, enabled, condition.condition(),
                ruleActions, stop));
    }

    /** The rule's id before its keys are checked, so every problem of the rule can name it. */
    private static Optional<String> peekId(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id")
                        && tuple.getValueNode() instanceof ScalarNode id && !YamlNodes.isNull(id)) {
                    return Optional.of(id.getValue().strip());
                }
            }
        }
        return Optional.empty();
    }

    private ListenTalkGuard guard(Node node) {
        Map<String, Entry> keys = yaml.mapping(node, "guard", List.of("listen", "talk", "zone"));
        if (keys == null) {
            return null;
        }
        Long listen = keys.containsKey("listen") ? yaml.whole(keys.get("listen").value(), "guard.listen", 0, 100)
                : null;
        Long talk = keys.containsKey("talk") ? yaml.whole(keys.get("talk").value(), "guard.talk", 0, 100) : null;
        int before = yaml.problemCount();
        if (listen != null && talk != null && listen + talk != 100) {
            yaml.problem(keys.get("talk").value(), "guard: listen " + listen + " and talk " + talk
                    + " must add up to 100");
        }
        ZoneId zone = keys.containsKey("zone") ? zone(keys.get("zone").value()) : ListenTalkGuard.DEFAULT.zone();
        if (yaml.problemCount() > before || keys.containsKey("listen") && listen == null
                || keys.containsKey("talk") && talk == null) {
            return null;
        }
        int talkPercent = talk != null ? talk.intValue() : listen != null ? 100 - listen.intValue()
                : ListenTalkGuard.DEFAULT.talkPercent();
        return new ListenTalkGuard(100 - talkPercent, talkPercent, zone);
    }

    private ZoneId zone(Node node) {
        String text = yaml.text(node, "guard.zone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            yaml.problem(node, "guard.zone: " + text + " is not a time zone" + DidYouMean.hint(text,
                    ZoneId.getAvailableZoneIds()) + "; use UTC or a region such as Europe/Oslo");
            return null;
        }
    }

    private Assignment assignment(Node node) {
        int before = yaml.problemCount();
        Map<String, Entry> keys = yaml.mapping(node, "assignment", List.of("pools", "rules"));
        if (keys == null) {
            return null;
        }
        Map<String, List<String>> pools = pools(keys.get("pools"));
        List<AssignmentRule> rules = new ArrayList<>();
        if (keys.containsKey("rules")) {
            List<Node> items = yaml.sequence(keys.get("rules").value(), "assignment.rules");
            for (int i = 0; items != null && i < items.size(); i++) {
                AssignmentRule rule = assignmentRule(items.get(i), "assignment.rules[" + (i + 1) + "]", pools);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (yaml.problemCount() > before) {
            return null;
        }
        return construct(node, "assignment", () -> new Assignment(pools, rules));
    }

    private Map<String, List<String>> pools(Entry entry) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        if (entry == null) {
            return pools;
        }
        Map<String, Entry> keys = yaml.mapping(entry.value(), "assignment.pools", null);
        if (keys == null) {
            return pools;
        }
        keys.forEach((name, pool) -> {
            String where = "assignment.pools." + name;
            List<ScalarNode> members = yaml.scalars(pool.value(), where);
            if (members == null) {
                return;
            }
            List<String> ids = new ArrayList<>();
            for (ScalarNode member : members) {
                String id = member.getValue().strip();
                if (SalesforceIds.isOwner(id)) {
                    ids.add(id);
                } else {
                    yaml.problem(member, where + ": " + id + " is not a Salesforce User (005...) or Queue (00G...)"
                            + " id of 15 or 18 characters");
                }
            }
            pools.put(name, ids);
        });
        return pools;
    }

    private AssignmentRule assignmentRule(Node node, String where, Map<String, List<String>> pools) {
        int before = yaml.problemCount();
        Map<String, Entry> keys = yaml.mapping(node, where, List.of("when", "owner", "pool"));
        if (keys == null) {
            return null;
        }
        Entry when = keys.get("when");
        ConditionReader.Result condition = conditions.read(when == null ? null : when.value(), where + ".when",
                false);
        String owner = null;
        String pool = null;
        if (keys.containsKey("owner") == keys.containsKey("pool")) {
            yaml.problem(node, where + " needs either owner or pool (not both)");
        } else if (keys.containsKey("owner")) {
            owner = yaml.text(keys.get("owner").value(), where + ".owner");
            if (owner != null && !SalesforceIds.isOwner(owner.strip())) {
                yaml.problem(keys.get("owner").value(), where + ".owner: " + owner + " is not a Salesforce User"
                        + " (005...) or Queue (00G...) id of 15 or 18 characters");
            }
        } else {
            pool = yaml.text(keys.get("pool").value(), where + ".pool");
            if (pool != null && !pools.containsKey(pool.strip())) {
                yaml.problem(keys.get("pool").value(), where + ".pool: no pool named " + pool
                        + DidYouMean.hint(pool, pools.keySet()) + (pools.isEmpty() ? "; define it under"
                        + " assignment.pools" : "; pools: " + String.join(", ", pools.keySet())));
            }
        }
        if (yaml.problemCount() > before) {
            return null;
        }
        String ruleOwner = owner == null ? null : owner.strip();
        String rulePool = pool == null ? null : pool.strip();
        return construct(node, where, () -> new AssignmentRule(condition.condition(), ruleOwner, rulePool));
    }

    private <T> T construct(Node node, String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            yaml.problem(node, where + ": " + e.getMessage());
            return null;
        }
    }
}
