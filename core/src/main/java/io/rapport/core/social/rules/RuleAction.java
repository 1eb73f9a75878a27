package io.rapport.core.social.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One thing a rule does when it matches: the {@code then} of a rule. */
public sealed interface RuleAction {

    /** Its name in the rule file. */
    String key();

    /**
     * A Salesforce Lead for the post's author. Its fields are templates: the defaults below, with the rule's own
     * fields added or replacing them. The owner is the rule's fixed owner if it names one, else the assignment rules'
     * choice; with neither, Salesforce decides (the API user, or its own assignment rules).
     *
     * @param fields   Lead field API name to template, defaults included
     * @param owner    a fixed owner (user 005... or queue 00G...); null to use the assignment rules
     * @param followUp the SLA for this Lead; null to use the rule set's, {@link FollowUpPolicy#OFF} for none
     */
    record CreateLead(Map<String, Template> fields, String owner, FollowUpPolicy followUp) implements RuleAction {

        /** A social prospect has no company and often no real name: the handle stands in for both. */
        public static final Map<String, Template> DEFAULT_FIELDS = defaults(
                "LastName", "${author.name}",
                "Company", "${author.name}",
                "LeadSource", "Social",
                "Description", "@${author.handle} on ${post.platform}: ${post.text}\n\n${post.url}");
        /** Set by the hub, not by templates. */
        public static final Set<String> RESERVED = Set.of("OwnerId");

        public CreateLead {
            fields = withDefaults(DEFAULT_FIELDS, fields, RESERVED, "owner: or the assignment rules");
            SalesforceIds.requireOwner(owner, "createLead owner");
        }

        @Override
        public String key() {
            return "createLead";
        }
    }

    /**
     * A Salesforce Case on the known customer's Contact and Account (whichever of the two the customer has). Only
     * for rules whose {@code when} requires a known author.
     *
     * @param fields Case field API name to template, defaults included
     * @param owner  a fixed owner (user or queue); null to let Salesforce's case assignment decide
     */
    record CreateCase(Map<String, Template> fields, String owner) implements RuleAction {

        public static final Map<String, Template> DEFAULT_FIELDS = defaults(
                "Subject", "${post.intent} from @${author.handle} on ${post.platform}: ${post.excerpt}",
                "Description", "${post.text}\n\n${post.url}",
                "Origin", "Social",
                "Priority", "${post.priority}");
        /** Set from the author's customer link and the rule's owner, not by templates. */
        public static final Set<String> RESERVED = Set.of("ContactId", "AccountId", "OwnerId");

        public CreateCase {
            fields = withDefaults(DEFAULT_FIELDS, fields, RESERVED, "the author's customer link or owner:");
            SalesforceIds.requireOwner(owner, "createCase owner");
        }

        @Override
        public String key() {
            return "createCase";
        }
    }

    /**
     * A message to a Slack channel (sent through the Camel Slack component).
     *
     * @param channel {@code #channel}, {@code @user} or a channel id
     */
    record SlackAlert(String channel, Template message) implements RuleAction, EscalationAction {

        public SlackAlert {
            Objects.requireNonNull(message, "message");
            if (channel == null || !channel.matches("[#@][^\\s#@]+|[CGD][A-Z0-9]{6,}")) {
                throw new IllegalArgumentException("Slack channel " + channel + " is neither #channel, @user nor a"
                        + " channel id such as C0123456789");
            }
        }

        @Override
        public String key() {
            return "alert.slack";
        }
    }

    /** A Chatter post on a feed. */
    record ChatterPost(ChatterSubject subject, Template message) implements RuleAction, EscalationAction {

        public ChatterPost {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String key() {
            return "alert.chatter";
        }
    }

    /**
     * The post goes to the reply queue, where a person (or a later automation) answers it; the listen/talk guard
     * decides when a reply may actually go out.
     *
     * @param priority the queue priority; {@link ReplyPriority#AUTO} follows {@link PostPriority}
     * @param text     a suggested reply; null for none
     * @param account  the brand account that should answer; null for the sender's default
     */
    record QueueReply(ReplyPriority priority, Template text, String account) implements RuleAction {

        public enum ReplyPriority { HIGH, NORMAL, LOW, AUTO }

        public QueueReply {
            priority = priority == null ? ReplyPriority.AUTO : priority;
            account = account == null || account.isBlank() ? null : account.strip().replaceFirst("^@", "");
        }

        @Override
        public String key() {
            return "queueReply";
        }
    }

    /** Nothing is done for the post and no later rule is looked at: for spam and noise. */
    record Ignore() implements RuleAction {

        @Override
        public String key() {
            return "ignore";
        }
    }

    private static Map<String, Template> defaults(String... pairs) {
        Map<String, Template> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], Template.compile(pairs[i + 1], Placeholders.forRule(false, false)));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static Map<String, Template> withDefaults(Map<String, Template> defaults, Map<String, Template> own,
                                                      Set<String> reserved, String instead) {
        Map<String, Template> fields = new LinkedHashMap<>(defaults);
        if (own != null) {
            own.forEach((name, template) -> {
                if (!SalesforceIds.isFieldName(name)) {
                    throw new IllegalArgumentException(name + " is not a Salesforce field API name");
                }
                if (reserved.contains(name)) {
                    throw new IllegalArgumentException(name + " is set by the hub from " + instead);
                }
                fields.put(name, Objects.requireNonNull(template, name));
            });
        }
        return Collections.unmodifiableMap(fields);
    }
}
