package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.connector.salesforce.SalesforceRejectedException;
import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.PlannedAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates the Salesforce Lead a rule asked for, and starts watching it for follow-up when the rule has an SLA. An owner
 * Salesforce does not know (a placeholder id left in the rules, a rep who left) does not lose the Lead: it is created
 * without one, so the org's assignment rules place it, and the outcome says so. Such an owner is remembered for a
 * while (and logged once), so later Leads do not pay a refused call each.
 */
public class CreateLeadHandler implements SocialActionHandler {

    private static final Logger log = LoggerFactory.getLogger(CreateLeadHandler.class);
    static final Duration REMEMBER_REFUSED_OWNER = Duration.ofMinutes(10);

    private final SalesforceActions salesforce;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> refusedOwners = new ConcurrentHashMap<>();

    public CreateLeadHandler(SalesforceActions salesforce, JdbcTemplate jdbc, Clock clock) {
        this.salesforce = salesforce;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ActionType.CREATE_LEAD.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        Map<String, String> fields = PlanFields.fields(plan);
        String owner = fields.get(PlannedAction.OWNER_ID);
        String detail = "Lead created" + (owner == null ? ", owner chosen by Salesforce" : " for owner " + owner);
        Instant refused = owner == null ? null : refusedOwners.get(owner);
        if (refused != null && refused.plus(REMEMBER_REFUSED_OWNER).isAfter(clock.instant())) {
            fields.remove(PlannedAction.OWNER_ID);
            detail = "Lead created; Salesforce refused owner " + owner + " earlier, so Salesforce chose the owner";
            owner = null;
        }
        String leadId;
        try {
            leadId = salesforce.createLead(actionId, fields);
        } catch (SalesforceRejectedException e) {
            if (owner == null || !e.fields().contains(PlannedAction.OWNER_ID)) {
                return Outcome.failed("Salesforce refused the Lead: " + e.getMessage());
            }
            if (refusedOwners.put(owner, clock.instant()) == null) {
                log.warn("Salesforce does not know owner {} (action {}: {}); Leads for that owner are created without"
                        + " one (Salesforce's assignment decides) until config/social-rules.yaml names a valid one",
                        owner, actionId, e.getMessage());
            }
            fields.remove(PlannedAction.OWNER_ID);
            leadId = salesforce.createLead(actionId, fields);
            detail = "Lead created; Salesforce refused owner " + owner + " (" + e.getMessage()
                    + "), so Salesforce chose the owner";
            owner = null;
        }
        Duration within = PlanFields.followUp(plan);
        if (within != null) {
            Instant now = clock.instant();
            jdbc.update("INSERT INTO social_lead_followup (lead_id, action_id, owner_id, created_at, due_at, status)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", leadId, actionId, owner, Timestamp.from(now),
                    Timestamp.from(now.plus(within)), LeadFollowUpWatch.OPEN);
        }
        return Outcome.done(leadId, detail);
    }
}
