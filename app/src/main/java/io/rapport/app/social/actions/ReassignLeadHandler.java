package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.connector.salesforce.SalesforceRejectedException;
import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.PlannedAction;
import java.util.Map;

/** A follow-up escalation that hands the Lead to another user or queue. */
public class ReassignLeadHandler implements SocialActionHandler {

    private final SalesforceActions salesforce;

    public ReassignLeadHandler(SalesforceActions salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public String type() {
        return ActionType.REASSIGN_LEAD.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        Map<String, String> fields = PlanFields.fields(plan);
        String leadId = fields.get(PlannedAction.LEAD_ID);
        String owner = fields.get(PlannedAction.OWNER_ID);
        try {
            salesforce.reassignLead(leadId, owner);
            return Outcome.done(leadId, "Lead handed to " + owner);
        } catch (SalesforceRejectedException e) {
            return Outcome.failed("Salesforce refused to hand Lead " + leadId + " to " + owner + ": " + e.getMessage());
        }
    }
}
