package io.rapport.core.social.rules;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing the rules want done for a post, rendered and ready for an executor: nothing has happened yet. The fields
 * depend on the type:
 * <ul>
 *   <li>{@link ActionType#CREATE_LEAD}, {@link ActionType#CREATE_CASE}: the sObject's fields by API name, ready to
 *       send ({@code OwnerId} when an owner was chosen; {@code ContactId}/{@code AccountId} on a Case);</li>
 *   <li>{@link ActionType#SLACK_ALERT}: {@value #CHANNEL}, {@value #MESSAGE};</li>
 *   <li>{@link ActionType#CHATTER_POST}: {@value #SUBJECT} (customer, lead, lead-owner, record), {@value #SUBJECT_ID}
 *       (absent for {@code lead} in a rule: the Lead this post creates, known once it is created), {@value #MESSAGE};
 *       </li>
 *   <li>{@link ActionType#QUEUE_REPLY}: {@value #PRIORITY} (high, normal, low), optionally {@value #TEXT} and
 *       {@value #ACCOUNT};</li>
 *   <li>{@link ActionType#REASSIGN_LEAD}: {@value #LEAD_ID}, {@value #OWNER_ID}.</li>
 * </ul>
 *
 * @param ruleId   the rule (or, for an escalation, the rule whose Lead it is) that wants it
 * @param type     what to do
 * @param fields   rendered values, in the order the rule file gives them
 * @param followUp for a Lead: the SLA to track it under; null when none applies
 * @param note     how a choice was made (e.g. which assignment rule chose the owner); may be null
 */
public record PlannedAction(String ruleId, ActionType type, Map<String, String> fields, Duration followUp,
                            String note) {

    public static final String OWNER_ID = "OwnerId";
    public static final String CONTACT_ID = "ContactId";
    public static final String ACCOUNT_ID = "AccountId";
    public static final String LEAD_ID = "LeadId";
    public static final String CHANNEL = "channel";
    public static final String MESSAGE = "message";
    public static final String SUBJECT = "subject";
    public static final String SUBJECT_ID = "subjectId";
    public static final String PRIORITY = "priority";
    public static final String TEXT = "text";
    public static final String ACCOUNT = "account";

    public PlannedAction {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(type, "type");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The chosen owner of a Lead, Case or reassignment; null when Salesforce decides. */
    public String owner() {
        return fields.get(OWNER_ID);
    }

    public String field(String name) {
        return fields.get(name);
    }
}
