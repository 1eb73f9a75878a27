package io.rapport.core.social.rules;

import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.CreateCase;
import io.rapport.core.social.rules.RuleAction.CreateLead;
import io.rapport.core.social.rules.RuleAction.QueueReply;
import io.rapport.core.social.rules.RuleAction.SlackAlert;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the actions of matching rules into planned actions for one post. One post gets at most one Lead, one Case
 * and one queued reply, however many rules ask: the first rule to ask wins and later asks are recorded as skipped.
 */
final class RulePlanner {

    /** Salesforce rejects longer values (STRING_TOO_LONG): cut them here, visibly, rather than lose the record. */
    private static final Map<String, Integer> LEAD_LIMITS = Map.of("FirstName", 40, "LastName", 80, "Company", 255,
            "Title", 128, "Description", 32_000);
    private static final Map<String, Integer> CASE_LIMITS = Map.of("Subject", 255, "Description", 32_000);

    private final SocialFacts facts;
    private final Map<String, String> values;
    private final Assignment assignment;
    private final RoundRobin turns;
    private final Function<String, Optional<FollowUpPolicy>> followUps;
    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<SkippedAction> skipped = new ArrayList<>();
    private final Map<ActionType, String> plannedBy = new EnumMap<>(ActionType.class);
    private String leadOwner;

    RulePlanner(SocialFacts facts, Map<String, String> values, Assignment assignment, RoundRobin turns,
                Function<String, Optional<FollowUpPolicy>> followUps) {
        this.facts = facts;
        this.values = values;
        this.assignment = assignment;
        this.turns = turns;
        this.followUps = followUps;
    }

    void plan(Rule rule) {
        Map<String, String> ruleValues = new LinkedHashMap<>(values);
        ruleValues.put("rule.id", rule.id());
        if (rule.description() != null) {
            ruleValues.put("rule.description", rule.description());
        }
        Assignment.Choice owner = rule.createLead().filter(lead -> !plannedBy.containsKey(ActionType.CREATE_LEAD))
                .map(this::owner).orElse(null);
        if (owner != null) {
            ruleValues.put(Placeholders.LEAD_OWNER, owner.owner());
        } else if (leadOwner != null) {
            ruleValues.put(Placeholders.LEAD_OWNER, leadOwner);
        }
        for (RuleAction action : rule.then()) {
            if (action instanceof CreateLead lead) {
                lead(rule, lead, owner, ruleValues);
            } else if (action instanceof CreateCase kase) {
                kase(rule, kase, ruleValues);
            } else if (action instanceof SlackAlert slack) {
                add(rule.id(), ActionType.SLACK_ALERT, fields(PlannedAction.CHANNEL, slack.channel(),
                        PlannedAction.MESSAGE, render(slack.message(), ruleValues)), null, null);
            } else if (action instanceof ChatterPost chatter) {
                chatter(rule, chatter, ruleValues);
            } else if (action instanceof QueueReply reply) {
                reply(rule, reply, ruleValues);
            }
        }
    }

    private Assignment.Choice owner(CreateLead lead) {
        if (lead.owner() != null) {
            return new Assignment.Choice(lead.owner(), "the rule's owner");
        }
        return assignment.choose(facts, turns).orElse(null);
    }

    private void lead(Rule rule, CreateLead lead, Assignment.Choice owner, Map<String, String> ruleValues) {
        if (once(rule, ActionType.CREATE_LEAD, "Lead")) {
            return;
        }
        Map<String, String> fields = render(lead.fields(), ruleValues, LEAD_LIMITS);
        String note = "no assignment rule matched: Salesforce chooses the owner";
        if (owner != null) {
            fields.put(PlannedAction.OWNER_ID, owner.owner());
            leadOwner = owner.owner();
            note = "owner from " + owner.reason();
        }
        Duration within = followUps.apply(rule.id()).map(FollowUpPolicy::within).orElse(null);
        add(rule.id(), ActionType.CREATE_LEAD, fields, within, note);
    }

    private void kase(Rule rule, CreateCase kase, Map<String, String> ruleValues) {
        CustomerLink customer = facts.customer();
        if (!customer.known()) {
            skip(rule, ActionType.CREATE_CASE, "the author is not a known customer");
            return;
        }
        if (customer.contactId() == null && customer.accountId() == null) {
            skip(rule, ActionType.CREATE_CASE, noSalesforceRecord(customer));
            return;
        }
        if (once(rule, ActionType.CREATE_CASE, "Case")) {
            return;
        }
        Map<String, String> fields = render(kase.fields(), ruleValues, CASE_LIMITS);
        putIfPresent(fields, PlannedAction.CONTACT_ID, customer.contactId());
        putIfPresent(fields, PlannedAction.ACCOUNT_ID, customer.accountId());
        putIfPresent(fields, PlannedAction.OWNER_ID, kase.owner());
        add(rule.id(), ActionType.CREATE_CASE, fields, null, null);
    }

    private void chatter(Rule rule, ChatterPost chatter, Map<String, String> ruleValues) {
        ChatterSubject subject = chatter.subject();
        String subjectId = switch (subject.kind()) {
            case RECORD -> subject.recordId();
            case LEAD -> null;
            case CUSTOMER -> facts.customer().contactId() != null ? facts.customer().contactId()
                    : facts.customer().accountId();
            case LEAD_OWNER -> leadOwner;
        };
        String problem = null;
        if (subject.kind() == ChatterSubject.Kind.CUSTOMER && subjectId == null) {
            problem = facts.customer().known() ? noSalesforceRecord(facts.customer())
                    : "the author is not a known customer";
        } else if (subject.kind() == ChatterSubject.Kind.LEAD && !plannedBy.containsKey(ActionType.CREATE_LEAD)) {
            problem = "no Lead is created for this post";
        } else if (subject.kind() == ChatterSubject.Kind.LEAD_OWNER && subjectId == null) {
            problem = "the Lead has no owner chosen by the rules";
        } else if (subject.kind() == ChatterSubject.Kind.LEAD_OWNER && !SalesforceIds.isUser(subjectId)) {
            problem = "the Lead's owner " + subjectId + " is a queue, which has no Chatter feed";
        }
        if (problem != null) {
            skip(rule, ActionType.CHATTER_POST, problem);
            return;
        }
        Map<String, String> fields = fields(PlannedAction.SUBJECT, subject.kind().key());
        putIfPresent(fields, PlannedAction.SUBJECT_ID, subjectId);
        fields.put(PlannedAction.MESSAGE, render(chatter.message(), ruleValues));
        add(rule.id(), ActionType.CHATTER_POST, fields, null, null);
    }

    private void reply(Rule rule, QueueReply reply, Map<String, String> ruleValues) {
        if (once(rule, ActionType.QUEUE_REPLY, "queued reply")) {
            return;
        }
        QueueReply.ReplyPriority priority = reply.priority();
        String note = null;
        if (priority == QueueReply.ReplyPriority.AUTO) {
            PostPriority post = PostPriority.of(facts.reading());
            priority = switch (post) {
                case HIGH -> QueueReply.ReplyPriority.HIGH;
                case MEDIUM -> QueueReply.ReplyPriority.NORMAL;
                case LOW -> QueueReply.ReplyPriority.LOW;
            };
            note = "priority from degree " + facts.reading().degree() + " and influence "
                    + facts.reading().influence();
        }
        Map<String, String> fields = fields(PlannedAction.PRIORITY, priority.name().toLowerCase(Locale.ROOT));
        if (reply.text() != null) {
            putIfPresent(fields, PlannedAction.TEXT, render(reply.text(), ruleValues));
        }
        putIfPresent(fields, PlannedAction.ACCOUNT, reply.account());
        add(rule.id(), ActionType.QUEUE_REPLY, fields, null, note);
    }

    /** True (and recorded as skipped) when an earlier rule already planned this once-per-post action. */
    private boolean once(Rule rule, ActionType type, String what) {
        String earlier = plannedBy.get(type);
        if (earlier == null) {
            plannedBy.put(type, rule.id());
            return false;
        }
        skip(rule, type, "the post already gets a " + what + " from rule " + earlier);
        return true;
    }

    private void add(String ruleId, ActionType type, Map<String, String> fields, Duration followUp, String note) {
        actions.add(new PlannedAction(ruleId, type, fields, followUp, note));
    }

    private void skip(Rule rule, ActionType type, String reason) {
        skipped.add(new SkippedAction(rule.id(), type, reason));
    }

    List<PlannedAction> actions() {
        return actions;
    }

    List<SkippedAction> skipped() {
        return skipped;
    }

    static String noSalesforceRecord(CustomerLink customer) {
        return "customer " + customer.customerId() + " has neither a Salesforce Contact nor an Account";
    }

    static String render(Template template, Map<String, String> values) {
        return template.render(values).strip();
    }

    /** Rendered fields; a field that renders empty is left out (Salesforce reads "" as no value anyway). */
    static Map<String, String> render(Map<String, Template> templates, Map<String, String> values,
                                      Map<String, Integer> limits) {
        Map<String, String> fields = new LinkedHashMap<>();
        templates.forEach((name, template) -> {
            String value = render(template, values);
            Integer limit = limits.get(name);
            if (limit != null && value.length() > limit) {
                int cut = Character.isHighSurrogate(value.charAt(limit - 2)) ? limit - 2 : limit - 1;
                value = value.substring(0, cut) + "…";
            }
            if (!value.isEmpty()) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }
}
