package io.rapport.core.social.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.rules.EscalationAction.ReassignLead;
import io.rapport.core.social.rules.FollowUpPolicy.FollowUpCheck.Status;
import io.rapport.core.social.rules.FollowUpPolicy.LeadActivity;
import io.rapport.core.social.rules.FollowUpPolicy.TrackedLead;
import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.SlackAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Lead nobody touched within four hours escalates, once. */
class FollowUpPolicyTest {

    private static final String OWNER = "005000000000009AAA";
    private static final String QUEUE = "00G000000000001AAA";
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    private final FollowUpPolicy policy = new FollowUpPolicy(Duration.ofHours(4), List.of(
            new SlackAlert("#sales", Template.compile("Lead ${lead.id} for @${author.handle} is ${followUp.overdue}"
                    + " overdue (${post.url})", Placeholders.forEscalation(false))),
            new ChatterPost(ChatterSubject.parse("lead-owner"), Template.compile("Please follow up ${lead.id}",
                    Placeholders.forEscalation(false))),
            new ReassignLead(QUEUE)));

    private final TrackedLead lead = new TrackedLead("00Q000000000001AAA", OWNER, CREATED, "prospect-purchase-intent",
            Map.of("author.handle", "buyer", "post.url", "https://x.com/buyer/status/7"), null);

    @Test
    void waitsUntilTheDeadline() {
        var check = policy.check(lead, LeadActivity.NONE, CREATED.plus(Duration.ofHours(4)).minusMillis(1));

        assertThat(check.status()).isEqualTo(Status.WAITING);
        assertThat(check.dueAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(check.escalation()).isEmpty();
    }

    @Test
    void escalatesFromTheDeadlineOnWithRenderedActions() {
        var check = policy.check(lead, LeadActivity.NONE, Instant.parse("2026-03-02T13:30:00Z"));

        assertThat(check.status()).isEqualTo(Status.DUE);
        assertThat(check.escalation()).extracting(PlannedAction::type).containsExactly(ActionType.SLACK_ALERT,
                ActionType.CHATTER_POST, ActionType.REASSIGN_LEAD);
        assertThat(check.escalation().get(0).field("message"))
                .isEqualTo("Lead 00Q000000000001AAA for @buyer is PT30M overdue (https://x.com/buyer/status/7)");
        assertThat(check.escalation().get(1).fields()).containsEntry("subjectId", OWNER);
        assertThat(check.escalation().get(2).fields()).containsExactly(Map.entry("LeadId", "00Q000000000001AAA"),
                Map.entry("OwnerId", QUEUE));
        assertThat(policy.check(lead, null, CREATED.plus(Duration.ofHours(4))).status()).isEqualTo(Status.DUE);
    }

    @Test
    void escalatesOncePerLead() {
        TrackedLead escalated = new TrackedLead(lead.leadId(), lead.ownerId(), CREATED, lead.ruleId(), lead.values(),
                Instant.parse("2026-03-02T13:01:00Z"));

        assertThat(policy.check(escalated, LeadActivity.NONE, Instant.parse("2026-03-03T09:00:00Z")).status())
                .isEqualTo(Status.ALREADY_ESCALATED);
    }

    @Test
    void anActivityOrAStatusChangeIsAFollowUp() {
        Instant late = Instant.parse("2026-03-02T20:00:00Z");

        assertThat(policy.check(lead, new LeadActivity(CREATED.plusSeconds(60), false), late).status())
                .isEqualTo(Status.FOLLOWED_UP);
        assertThat(policy.check(lead, new LeadActivity(null, true), late).status()).isEqualTo(Status.FOLLOWED_UP);
        assertThat(policy.check(lead, new LeadActivity(CREATED, false), late).status())
                .as("an activity at the moment of creation counts").isEqualTo(Status.FOLLOWED_UP);
    }

    @Test
    void anActivityBeforeTheLeadExistedIsNoFollowUp() {
        var check = policy.check(lead, new LeadActivity(CREATED.minusSeconds(1), false),
                Instant.parse("2026-03-02T20:00:00Z"));

        assertThat(check.status()).isEqualTo(Status.DUE);
    }

    @Test
    void aQueueOwnerGetsNoChatterPostAndTheReasonIsKept() {
        TrackedLead queued = new TrackedLead(lead.leadId(), QUEUE, CREATED, lead.ruleId(), lead.values(), null);

        var check = policy.check(queued, LeadActivity.NONE, Instant.parse("2026-03-02T14:00:00Z"));

        assertThat(check.escalation()).extracting(PlannedAction::type).containsExactly(ActionType.SLACK_ALERT,
                ActionType.REASSIGN_LEAD);
        assertThat(check.skipped()).singleElement().extracting(SkippedAction::reason)
                .isEqualTo("the Lead's owner " + QUEUE + " is a queue, which has no Chatter feed");
    }

    @Test
    void offTracksNothing() {
        assertThat(FollowUpPolicy.OFF.check(lead, LeadActivity.NONE, Instant.MAX).status())
                .isEqualTo(Status.NOT_TRACKED);
    }
}
