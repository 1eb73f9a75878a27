package io.rapport.core.social.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The lead follow-up SLA: someone must act on a Lead the hub created within a time, or the hub escalates, once.
 * Pure: the caller says what it knows of the Lead and when "now" is, and gets back whether to escalate and what to
 * do; it records the escalation itself ({@link TrackedLead#escalatedAt()}) so the next check answers
 * {@link FollowUpCheck.Status#ALREADY_ESCALATED}.
 * <p>
 * A Lead counts as followed up when its status changed, or when an activity was logged on it at or after its
 * creation. Escalation is due from {@code createdAt + within} on (at that instant included), measured in plain
 * elapsed time, not business hours.
 *
 * @param within   how long the owner has; null when follow-up is off ({@link #OFF})
 * @param escalate what to do when nobody acted in time: alerts and reassignments, in order
 */
public record FollowUpPolicy(Duration within, List<EscalationAction> escalate) {

    /** No follow-up: a createLead that says {@code followUp: off}. */
    public static final FollowUpPolicy OFF = new FollowUpPolicy(null, List.of());

    public FollowUpPolicy {
        escalate = escalate == null ? List.of() : List.copyOf(escalate);
        if (within != null) {
            if (within.isNegative() || within.isZero()) {
                throw new IllegalArgumentException("followUp.within must be positive, not " + within);
            }
            if (escalate.isEmpty()) {
                throw new IllegalArgumentException("followUp needs at least one escalate action");
            }
        } else if (!escalate.isEmpty()) {
            throw new IllegalArgumentException("followUp without within never escalates");
        }
    }

    public boolean isOff() {
        return within == null;
    }

    /**
     * @param lead     the Lead as the hub created it, and whether it already escalated
     * @param activity what is known of what happened to it since
     * @param now      the moment of the check
     */
    public FollowUpCheck check(TrackedLead lead, LeadActivity activity, Instant now) {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(now, "now");
        activity = activity == null ? LeadActivity.NONE : activity;
        if (isOff()) {
            return FollowUpCheck.notTracked();
        }
        Instant due = lead.createdAt().plus(within);
        if (activity.followsUp(lead.createdAt())) {
            return new FollowUpCheck(FollowUpCheck.Status.FOLLOWED_UP, due, List.of(), List.of());
        }
        if (lead.escalatedAt() != null) {
            return new FollowUpCheck(FollowUpCheck.Status.ALREADY_ESCALATED, due, List.of(), List.of());
        }
        if (now.isBefore(due)) {
            return new FollowUpCheck(FollowUpCheck.Status.WAITING, due, List.of(), List.of());
        }
        Map<String, String> values = Placeholders.ofEscalation(lead, within, now);
        List<PlannedAction> actions = new ArrayList<>();
        List<SkippedAction> skipped = new ArrayList<>();
        for (EscalationAction action : escalate) {
            plan(action, lead, values, actions, skipped);
        }
        return new FollowUpCheck(FollowUpCheck.Status.DUE, due, actions, skipped);
    }

    private static void plan(EscalationAction action, TrackedLead lead, Map<String, String> values,
                             List<PlannedAction> actions, List<SkippedAction> skipped) {
        if (action instanceof EscalationAction.ReassignLead reassign) {
            actions.add(new PlannedAction(lead.ruleId(), ActionType.REASSIGN_LEAD, RulePlanner.fields(
                    PlannedAction.LEAD_ID, lead.leadId(), PlannedAction.OWNER_ID, reassign.owner()), null, null));
        } else if (action instanceof RuleAction.SlackAlert slack) {
            actions.add(new PlannedAction(lead.ruleId(), ActionType.SLACK_ALERT, RulePlanner.fields(
                    PlannedAction.CHANNEL, slack.channel(),
                    PlannedAction.MESSAGE, RulePlanner.render(slack.message(), values)), null, null));
        } else if (action instanceof RuleAction.ChatterPost chatter) {
            ChatterSubject subject = chatter.subject();
            String subjectId = switch (subject.kind()) {
                case LEAD -> lead.leadId();
                case LEAD_OWNER -> lead.ownerId();
                case RECORD -> subject.recordId();
                case CUSTOMER -> null;
            };
            if (subjectId == null || subject.kind() == ChatterSubject.Kind.LEAD_OWNER
                    && !SalesforceIds.isUser(subjectId)) {
                skipped.add(new SkippedAction(lead.ruleId(), ActionType.CHATTER_POST, subjectId == null
                        ? "the Lead has no owner" : "the Lead's owner " + subjectId + " is a queue, which has no"
                        + " Chatter feed"));
                return;
            }
            actions.add(new PlannedAction(lead.ruleId(), ActionType.CHATTER_POST, RulePlanner.fields(
                    PlannedAction.SUBJECT, subject.kind().key(), PlannedAction.SUBJECT_ID, subjectId,
                    PlannedAction.MESSAGE, RulePlanner.render(chatter.message(), values)), null, null));
        }
    }

    /**
     * Checks the escalation's templates against what an escalation can render.
     *
     * @param knownAuthor the Lead comes from a rule that requires a known author (customer placeholders allowed)
     * @throws IllegalArgumentException for a placeholder or Chatter subject an escalation cannot fill
     */
    void checkTemplates(boolean knownAuthor) {
        Set<String> allowed = Placeholders.forEscalation(knownAuthor);
        for (EscalationAction action : escalate) {
            Template message = null;
            if (action instanceof RuleAction.SlackAlert slack) {
                message = slack.message();
            } else if (action instanceof RuleAction.ChatterPost chatter) {
                if (chatter.subject().kind() == ChatterSubject.Kind.CUSTOMER) {
                    throw new IllegalArgumentException("a followUp escalation posts to the lead, the lead-owner or a"
                            + " record id, not to the customer");
                }
                message = chatter.message();
            }
            if (message != null && !allowed.containsAll(message.placeholders())) {
                Template.compile(message.source(), allowed);
            }
        }
    }

    /**
     * A Lead the hub created, as its executor keeps it for the follow-up check.
     *
     * @param leadId      the Salesforce Lead id
     * @param ownerId     who owns it (a user or queue id); may be null
     * @param createdAt   when the hub created it
     * @param ruleId      the rule that created it (its follow-up policy applies)
     * @param values      the placeholder values of the post it came from ({@link Evaluation#values()}), so
     *                    escalation messages can quote the post
     * @param escalatedAt when the hub escalated it; null while it has not
     */
    public record TrackedLead(String leadId, String ownerId, Instant createdAt, String ruleId,
                              Map<String, String> values, Instant escalatedAt) {

        public TrackedLead {
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(ruleId, "ruleId");
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /**
     * What happened to a Lead since it was created, as far as the hub knows.
     *
     * @param lastActivityAt the last task, event, call or email logged on it; null when none. Salesforce's
     *                       {@code LastActivityDate} is a date: pass the later of that day's start and the Lead's
     *                       creation, so an activity on the day of creation counts
     * @param statusChanged  its status is no longer the one it was created with (worked, qualified, converted)
     */
    public record LeadActivity(Instant lastActivityAt, boolean statusChanged) {

        public static final LeadActivity NONE = new LeadActivity(null, false);

        boolean followsUp(Instant createdAt) {
            return statusChanged || lastActivityAt != null && !lastActivityAt.isBefore(createdAt);
        }
    }

    /**
     * The outcome of one check.
     *
     * @param status     what is the case
     * @param dueAt      when escalation is (or was) due; null when follow-up is off
     * @param escalation what to do now; only for {@link Status#DUE}
     * @param skipped    escalation actions that cannot be done for this Lead, with why
     */
    public record FollowUpCheck(Status status, Instant dueAt, List<PlannedAction> escalation,
                                List<SkippedAction> skipped) {

        public enum Status {
            /** No SLA applies to this Lead. */
            NOT_TRACKED,
            /** Nobody acted yet, and there is still time. */
            WAITING,
            /** Someone acted: nothing more to check. */
            FOLLOWED_UP,
            /** Nobody acted in time: do {@link #escalation()} now, then record the escalation. */
            DUE,
            /** Nobody acted, and the hub already escalated: it does so once per Lead. */
            ALREADY_ESCALATED
        }

        public FollowUpCheck {
            escalation = List.copyOf(escalation);
            skipped = List.copyOf(skipped);
        }

        static FollowUpCheck notTracked() {
            return new FollowUpCheck(Status.NOT_TRACKED, null, List.of(), List.of());
        }
    }
}
