package io.rapport.core.social.rules;

import java.util.Objects;

/** One thing a lead follow-up escalation does: alert someone, or hand the Lead to another owner. */
public sealed interface EscalationAction permits RuleAction.SlackAlert, RuleAction.ChatterPost,
        EscalationAction.ReassignLead {

    String key();

    /**
     * The Lead gets another owner.
     *
     * @param owner a user (005...) or queue (00G...) id
     */
    record ReassignLead(String owner) implements EscalationAction {

        public ReassignLead {
            Objects.requireNonNull(owner, "reassign needs an owner");
            SalesforceIds.requireOwner(owner, "reassign owner");
        }

        @Override
        public String key() {
            return "reassign";
        }
    }
}
