package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.connector.salesforce.SalesforceRejectedException;
import io.rapport.core.social.rules.ActionType;
import java.util.Map;

/** Creates the Salesforce Case a rule asked for, on the known customer's Contact or Account. */
public class CreateCaseHandler implements SocialActionHandler {

    private final SalesforceActions salesforce;

    public CreateCaseHandler(SalesforceActions salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public String type() {
        return ActionType.CREATE_CASE.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        try {
            return Outcome.done(salesforce.createCase(actionId, PlanFields.fields(plan)), "Case created");
        } catch (SalesforceRejectedException e) {
            return Outcome.failed("Salesforce refused the Case: " + e.getMessage());
        }
    }
}
