package io.rapport.app.social.rules;

import io.rapport.app.social.rules.YamlNodes.Entry;
import io.rapport.core.social.rules.ChatterSubject;
import io.rapport.core.social.rules.DidYouMean;
import io.rapport.core.social.rules.EscalationAction;
import io.rapport.core.social.rules.FollowUpPolicy;
import io.rapport.core.social.rules.Placeholders;
import io.rapport.core.social.rules.RuleAction;
import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.CreateCase;
import io.rapport.core.social.rules.RuleAction.CreateLead;
import io.rapport.core.social.rules.RuleAction.QueueReply;
import io.rapport.core.social.rules.RuleAction.SlackAlert;
import io.rapport.core.social.rules.SalesforceIds;
import io.rapport.core.social.rules.Template;
import io.rapport.core.social.rules.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a rule's {@code then} and a follow-up's {@code escalate}: lists of actions, each a name and its settings. */
final class ActionReader {

    static final List<String> RULE_ACTIONS = List.of("createLead", "createCase", "alert", "queueReply", "ignore");
    static final List<String> ESCALATION_ACTIONS = List.of("alert", "reassign");
    private static final List<String> ONCE_PER_RULE = List.of("createLead", "createCase", "queueReply");
    private static final Map<String, QueueReply.ReplyPriority> PRIORITIES = ConditionReader.choices(
            QueueReply.ReplyPriority.values(), priority -> priority.name().toLowerCase(Locale.ROOT));

    /** Where actions stand, which decides what they may use. */
    private record Place(boolean escalation, boolean knownAuthor, boolean createsLead, Set<String> placeholders) {
    }

    /** One list item: the action's name and its settings (null when it has none). */
    private record Item(Node node, ScalarNode name, Node settings) {
    }

    private final YamlNodes yaml;

    ActionReader(YamlNodes yaml) {
        this.yaml = yaml;
    }

    /** Whether a {@code then} list names the action, looked up before anything is read. */
    static boolean names(Node then, String action) {
        if (!(then instanceof SequenceNode sequence)) {
            return false;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && scalar.getValue().equals(action)
                    || item instanceof MappingNode mapping && mapping.getValue().size() == 1
                    && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key
                    && key.getValue().equals(action)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param knownAuthor the rule's {@code when} requires a known author
     * @param createsLead the rule's {@code then} has a createLead
     * @return the actions, or null when any has a problem (recorded)
     */
    List<RuleAction> then(Node node, String where, boolean knownAuthor, boolean createsLead) {
        int before = yaml.problemCount();
        List<Node> nodes = yaml.sequence(node, where);
        if (nodes == null) {
            return null;
        }
        if (nodes.isEmpty()) {
            yaml.problem(node, where + " needs at least one action (ignore to do nothing)");
            return null;
        }
        Place place = new Place(false, knownAuthor, createsLead, Placeholders.forRule(knownAuthor, createsLead));
        List<RuleAction> actions = new ArrayList<>();
        Map<String, ScalarNode> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Item item = item(nodes.get(i), where + "[" + (i + 1) + "]", RULE_ACTIONS);
            if (item == null) {
                continue;
            }
            String name = item.name().getValue();
            String at = where + "[" + (i + 1) + "] " + name;
            ScalarNode earlier = seen.putIfAbsent(name, item.name());
            if (earlier != null && ONCE_PER_RULE.contains(name)) {
                yaml.problem(item.name(), at + ": a rule may have only one " + name + " (first on line "
                        + (earlier.getStartMark().getLine() + 1) + ")");
                continue;
            }
            if (name.equals("ignore") && nodes.size() > 1) {
                yaml.problem(item.name(), at + ": ignore stands alone: a rule that ignores a post does nothing else");
                continue;
            }
            RuleAction action = switch (name) {
                case "createLead" -> createLead(item, at, place);
                case "createCase" -> createCase(item, at, place);
                case "alert" -> {
                    alert(item, at, place).forEach(actions::add);
                    yield null;
                }
                case "queueReply" -> queueReply(item, at, place);
                case "ignore" -> ignore(item, at);
                default -> throw new IllegalStateException("action without reader: " + name);
            };
            if (action != null) {
                actions.add(action);
            }
        }
        return yaml.problemCount() > before ? null : actions;
    }

    /**
     * @param knownAuthor the Lead comes from a rule requiring a known author (for the global follow-up: false)
     * @return the escalation actions, or null when any has a problem (recorded)
     */
    List<EscalationAction> escalate(Node node, String where, boolean knownAuthor) {
        int before = yaml.problemCount();
        List<Node> nodes = yaml.sequence(node, where);
        if (nodes == null) {
            return null;
        }
        if (nodes.isEmpty()) {
            yaml.problem(node, where + " needs at least one action (alert or reassign)");
            return null;
        }
        Place place = new Place(true, knownAuthor, true, Placeholders.forEscalation(knownAuthor));
        List<EscalationAction> actions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Item item = item(nodes.get(i), where + "[" + (i + 1) + "]", ESCALATION_ACTIONS);
            if (item == null) {
                continue;
            }
            String at = where + "[" + (i + 1) + "] " + item.name().getValue();
            if (item.name().getValue().equals("alert")) {
                alert(item, at, place).forEach(action -> actions.add((EscalationAction) action));
            } else {
                String owner = owner(item.settings() == null ? item.name() : item.settings(), at);
                if (owner != null) {
                    actions.add(new EscalationAction.ReassignLead(owner));
                }
            }
        }
        return yaml.problemCount() > before ? null : actions;
    }

    /** A follow-up: {@code off}, or {@code within} and {@code escalate}. Null when it has a problem (recorded). */
    FollowUpPolicy followUp(Entry entry, String where, boolean knownAuthor) {
        Node node = entry.value();
        if (node instanceof ScalarNode scalar && !YamlNodes.isNull(node)) {
            if (scalar.getValue().equals("off")) {
                return FollowUpPolicy.OFF;
            }
            yaml.problem(node, where + " is either off or a mapping with within and escalate, not "
                    + scalar.getValue());
            return null;
        }
        Map<String, Entry> keys = yaml.mapping(node, where, List.of("within", "escalate"));
        if (keys == null) {
            return null;
        }
        Node at = YamlNodes.isNull(node) ? entry.key() : node;
        Duration within = required(keys, "within", at, where) ? yaml.duration(keys.get("within").value(),
                where + ".within") : null;
        List<EscalationAction> escalate = required(keys, "escalate", at, where)
                ? escalate(keys.get("escalate").value(), where + ".escalate", knownAuthor) : null;
        return within == null || escalate == null ? null : new FollowUpPolicy(within, escalate);
    }

    private Item item(Node node, String where, List<String> allowed) {
        ScalarNode name;
        Node settings = null;
        if (node instanceof ScalarNode scalar && !YamlNodes.isNull(node)) {
            name = scalar;
        } else if (node instanceof MappingNode mapping && mapping.getValue().size() == 1
                && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key) {
            name = key;
            settings = mapping.getValue().get(0).getValueNode();
            settings = YamlNodes.isNull(settings) ? null : settings;
        } else {
            yaml.problem(node, where + ": an action is one name with its settings, such as \"- createLead:\" with"
                    + " the settings indented below; found " + YamlNodes.kind(node)
                    + (node instanceof MappingNode mapping ? " of " + mapping.getValue().size() + " keys" : ""));
            return null;
        }
        if (!allowed.contains(name.getValue())) {
            yaml.problem(name, where + ": unknown action " + name.getValue() + DidYouMean.hint(name.getValue(),
                    allowed) + "; actions here: " + String.join(", ", allowed));
            return null;
        }
        return new Item(node, name, settings);
    }

    private CreateLead createLead(Item item, String where, Place place) {
        int before = yaml.problemCount();
        Map<String, Entry> keys = yaml.mapping(item.settings(), where, List.of("fields", "owner", "followUp"));
        if (keys == null) {
            return null;
        }
        Map<String, Template> fields = fields(keys.get("fields"), where + ".fields", CreateLead.RESERVED,
                "set the owner with owner: or the assignment rules", place);
        String owner = keys.containsKey("owner") ? owner(keys.get("owner").value(), where + ".owner") : null;
        FollowUpPolicy followUp = keys.containsKey("followUp")
                ? followUp(keys.get("followUp"), where + ".followUp", place.knownAuthor()) : null;
        if (yaml.problemCount() > before) {
            return null;
        }
        return construct(item, where, () -> new CreateLead(fields, owner, followUp));
    }

    private CreateCase createCase(Item item, String where, Place place) {
        int before = yaml.problemCount();
        if (!place.knownAuthor()) {
            yaml.problem(item.name(), where + ": a Case needs a known customer: add author: known to the rule's"
                    + " when");
        }
        Map<String, Entry> keys = yaml.mapping(item.settings(), where, List.of("fields", "owner"));
        if (keys == null) {
            return null;
        }
        Map<String, Template> fields = fields(keys.get("fields"), where + ".fields", CreateCase.RESERVED,
                "the Case goes on the author's Contact and Account", place);
        String owner = keys.containsKey("owner") ? owner(keys.get("owner").value(), where + ".owner") : null;
        if (yaml.problemCount() > before) {
            return null;
        }
        return construct(item, where, () -> new CreateCase(fields, owner));
    }

    private List<RuleAction> alert(Item item, String where, Place place) {
        Map<String, Entry> keys = yaml.mapping(item.settings(), where, List.of("slack", "chatter"));
        if (keys == null) {
            return List.of();
        }
        if (keys.isEmpty()) {
            yaml.problem(item.name(), where + " needs slack, chatter or both");
            return List.of();
        }
        List<RuleAction> alerts = new ArrayList<>();
        if (keys.containsKey("slack")) {
            Entry slack = keys.get("slack");
            Map<String, Entry> settings = yaml.mapping(slack.value(), where + ".slack", List.of("channel", "message"));
            if (settings != null) {
                Node at = YamlNodes.isNull(slack.value()) ? slack.key() : slack.value();
                String channel = required(settings, "channel", at, where + ".slack")
                        ? yaml.text(settings.get("channel").value(), where + ".slack.channel") : null;
                Template message = required(settings, "message", at, where + ".slack")
                        ? template(settings.get("message").value(), where + ".slack.message", place) : null;
                if (channel != null && message != null) {
                    RuleAction alert = construct(settings.get("channel").value(), where + ".slack.channel",
                            () -> new SlackAlert(channel.strip(), message));
                    if (alert != null) {
                        alerts.add(alert);
                    }
                }
            }
        }
        if (keys.containsKey("chatter")) {
            Entry chatter = keys.get("chatter");
            Map<String, Entry> settings = yaml.mapping(chatter.value(), where + ".chatter",
                    List.of("subject", "message"));
            if (settings != null) {
                Node at = YamlNodes.isNull(chatter.value()) ? chatter.key() : chatter.value();
                ChatterSubject subject = required(settings, "subject", at, where + ".chatter")
                        ? subject(settings.get("subject").value(), where + ".chatter.subject", place) : null;
                Template message = required(settings, "message", at, where + ".chatter")
                        ? template(settings.get("message").value(), where + ".chatter.message", place) : null;
                if (subject != null && message != null) {
                    alerts.add(new ChatterPost(subject, message));
                }
            }
        }
        return alerts;
    }

    private ChatterSubject subject(Node node, String where, Place place) {
        String text = yaml.text(node, where);
        if (text == null) {
            return null;
        }
        ChatterSubject subject = construct(node, where, () -> ChatterSubject.parse(text.strip()));
        if (subject == null) {
            return null;
        }
        ChatterSubject.Kind kind = subject.kind();
        if (place.escalation() && kind == ChatterSubject.Kind.CUSTOMER) {
            yaml.problem(node, where + ": an escalation posts to lead, lead-owner or a record id, not to the"
                    + " customer");
            return null;
        }
        if (kind == ChatterSubject.Kind.CUSTOMER && !place.knownAuthor()) {
            yaml.problem(node, where + ": posting to the customer needs a known customer: add author: known to the"
                    + " rule's when");
            return null;
        }
        if ((kind == ChatterSubject.Kind.LEAD || kind == ChatterSubject.Kind.LEAD_OWNER) && !place.createsLead()) {
            yaml.problem(node, where + ": " + kind.key() + " needs a createLead in the same rule");
            return null;
        }
        return subject;
    }

    private QueueReply queueReply(Item item, String where, Place place) {
        int before = yaml.problemCount();
        Map<String, Entry> keys = yaml.mapping(item.settings(), where, List.of("priority", "text", "account"));
        if (keys == null) {
            return null;
        }
        QueueReply.ReplyPriority priority = keys.containsKey("priority")
                ? yaml.choice(keys.get("priority").value(), where + ".priority", PRIORITIES) : null;
        Template text = keys.containsKey("text") ? template(keys.get("text").value(), where + ".text", place) : null;
        String account = keys.containsKey("account") ? yaml.text(keys.get("account").value(), where + ".account")
                : null;
        return yaml.problemCount() > before ? null : new QueueReply(priority, text, account);
    }

    private RuleAction.Ignore ignore(Item item, String where) {
        if (item.settings() != null) {
            yaml.problem(item.settings(), where + " takes no settings");
            return null;
        }
        return new RuleAction.Ignore();
    }

    private Map<String, Template> fields(Entry entry, String where, Set<String> reserved, String instead,
                                         Place place) {
        if (entry == null) {
            return Map.of();
        }
        Map<String, Entry> keys = yaml.mapping(entry.value(), where, null);
        if (keys == null) {
            return Map.of();
        }
        Map<String, Template> fields = new LinkedHashMap<>();
        keys.forEach((name, field) -> {
            if (!SalesforceIds.isFieldName(name)) {
                yaml.problem(field.key(), where + ": " + name + " is not a Salesforce field API name (letters,"
                        + " digits and _, such as Title or Social_Post_URL__c)");
            } else if (reserved.contains(name)) {
                yaml.problem(field.key(), where + ": " + name + " is set by the hub: " + instead);
            } else {
                Template template = template(field.value(), where + "." + name, place);
                if (template != null) {
                    fields.put(name, template);
                }
            }
        });
        return fields;
    }

    private Template template(Node node, String where, Place place) {
        ScalarNode scalar = yaml.scalar(node, where);
        if (scalar == null) {
            return null;
        }
        try {
            return Template.compile(scalar.getValue(), place.placeholders());
        } catch (TemplateException e) {
            yaml.problemInScalar(scalar, e.offset(), where + ": " + e.getMessage());
            return null;
        }
    }

    private String owner(Node node, String where) {
        String owner = yaml.text(node, where);
        if (owner == null) {
            return null;
        }
        if (!SalesforceIds.isOwner(owner.strip())) {
            yaml.problem(node, where + ": " + owner + " is not a Salesforce User (005...) or Queue (00G...) id of 15"
                    + " or 18 characters");
            return null;
        }
        return owner.strip();
    }

    private boolean required(Map<String, Entry> keys, String key, Node parent, String where) {
        if (!keys.containsKey(key)) {
            yaml.problem(parent, where + " needs " + key);
            return false;
        }
        return true;
    }

    private <T> T construct(Item item, String where, Supplier<T> build) {
        return construct(item.name(), where, build);
    }

    /** Builds a core value; the core's own check failing becomes a problem at the node. */
    private <T> T construct(Node node, String where, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            yaml.problem(node, where + ": " + e.getMessage());
            return null;
        }
    }
}
