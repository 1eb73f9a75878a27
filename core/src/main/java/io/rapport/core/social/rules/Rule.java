package io.rapport.core.social.rules;

import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.CreateCase;
import io.rapport.core.social.rules.RuleAction.CreateLead;
import io.rapport.core.social.rules.RuleAction.Ignore;
import io.rapport.core.social.rules.RuleAction.QueueReply;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One social rule: when its condition holds for a post, its actions are planned, in order. The checks here are those
 * a rule file must pass at load time, so a rule that could not be carried out never becomes active.
 *
 * @param id          unique in the rule set: letters, digits, {@code - _ .}; names the rule in plans and metrics
 * @param description what it is for; may be null
 * @param enabled     false: kept in the file but never matches
 * @param when        its condition
 * @param then        its actions; {@link Ignore} stands alone
 * @param stop        no rule after this one is looked at when it matches (first-match rule sets always stop)
 */
public record Rule(String id, String description, boolean enabled, Condition when, List<RuleAction> then,
                   boolean stop) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public Rule {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id " + id + " must be letters, digits, - _ . (no spaces)");
        }
        when = when == null ? Condition.ANY : when;
        then = List.copyOf(Objects.requireNonNull(then, "then"));
        check(then, when.author());
    }

    private static void check(List<RuleAction> then, AuthorKind author) {
        if (then.isEmpty()) {
            throw new IllegalArgumentException("then needs at least one action (ignore to do nothing)");
        }
        if (then.stream().anyMatch(Ignore.class::isInstance) && then.size() > 1) {
            throw new IllegalArgumentException("ignore stands alone: a rule that ignores a post does nothing else");
        }
        Set<String> once = new HashSet<>();
        for (RuleAction action : then) {
            boolean single = action instanceof CreateLead || action instanceof CreateCase
                    || action instanceof QueueReply;
            if (single && !once.add(action.key())) {
                throw new IllegalArgumentException("a rule may have only one " + action.key());
            }
        }
        boolean known = author == AuthorKind.KNOWN;
        boolean createsLead = once.contains("createLead");
        Set<String> allowed = Placeholders.forRule(known, createsLead);
        for (RuleAction action : then) {
            if (action instanceof CreateLead lead && lead.followUp() != null) {
                lead.followUp().checkTemplates(known);
            }
            if (action instanceof CreateCase && !known) {
                throw new IllegalArgumentException(needsKnown("createCase"));
            }
            if (action instanceof ChatterPost chatter) {
                ChatterSubject.Kind kind = chatter.subject().kind();
                if (kind == ChatterSubject.Kind.CUSTOMER && !known) {
                    throw new IllegalArgumentException(needsKnown("a Chatter post to the customer"));
                }
                if ((kind == ChatterSubject.Kind.LEAD || kind == ChatterSubject.Kind.LEAD_OWNER) && !createsLead) {
                    throw new IllegalArgumentException("a Chatter post to " + kind.key() + " needs a createLead in"
                            + " the same rule");
                }
            }
            for (Template template : templates(action)) {
                for (String name : template.placeholders()) {
                    if (!allowed.contains(name)) {
                        Template.compile(template.source(), allowed); // throws with the reason
                    }
                }
            }
        }
    }

    static String needsKnown(String what) {
        return what + " needs a known customer: add author: known to the rule's when";
    }

    static List<Template> templates(RuleAction action) {
        if (action instanceof CreateLead lead) {
            return List.copyOf(lead.fields().values());
        }
        if (action instanceof CreateCase kase) {
            return List.copyOf(kase.fields().values());
        }
        if (action instanceof RuleAction.SlackAlert slack) {
            return List.of(slack.message());
        }
        if (action instanceof ChatterPost chatter) {
            return List.of(chatter.message());
        }
        if (action instanceof QueueReply reply && reply.text() != null) {
            return List.of(reply.text());
        }
        return List.of();
    }

    /** The Lead this rule creates, if it creates one. */
    public Optional<CreateLead> createLead() {
        return then.stream().filter(CreateLead.class::isInstance).map(CreateLead.class::cast).findFirst();
    }
}
