package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.app.social.SocialActionStatus;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.connector.salesforce.SalesforceRejectedException;
import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.PlannedAction;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Posts a rule's alert to Chatter: on the feed the rule names, or on the Lead the same post's rules created
 * ({@code subject: lead}), which the action stage has carried out first since it runs a post's actions in order.
 */
public class ChatterPostHandler implements SocialActionHandler {

    private final SalesforceActions salesforce;
    private final JdbcTemplate jdbc;

    public ChatterPostHandler(SalesforceActions salesforce, JdbcTemplate jdbc) {
        this.salesforce = salesforce;
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return ActionType.CHATTER_POST.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        Map<String, String> fields = PlanFields.fields(plan);
        String subjectId = fields.get(PlannedAction.SUBJECT_ID);
        if (subjectId == null) {
            List<String> leads = jdbc.queryForList("SELECT target_id FROM social_action WHERE event_id = ?"
                    + " AND action_type = ? AND status = ?", String.class, eventId, ActionType.CREATE_LEAD.key(),
                    SocialActionStatus.DONE.name());
            if (leads.isEmpty()) {
                return Outcome.skipped("the Chatter post goes on the post's Lead, and no Lead was created");
            }
            subjectId = leads.get(0);
        }
        try {
            return Outcome.done(salesforce.postChatter(subjectId, fields.get(PlannedAction.MESSAGE)),
                    "posted to the Chatter feed of " + subjectId);
        } catch (SalesforceRejectedException e) {
            return Outcome.failed("Salesforce refused the Chatter post: " + e.getMessage());
        }
    }
}
