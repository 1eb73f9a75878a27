package io.rapport.app.social.actions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.social.SocialActionDispatcher;
import io.rapport.app.social.SocialEventStore;
import io.rapport.app.social.rules.SocialRules;
import io.rapport.connector.salesforce.LeadFollowUp;
import io.rapport.connector.salesforce.SalesforceActions;
import io.rapport.core.social.rules.FollowUpPolicy;
import io.rapport.core.social.rules.FollowUpPolicy.FollowUpCheck;
import io.rapport.core.social.rules.FollowUpPolicy.LeadActivity;
import io.rapport.core.social.rules.FollowUpPolicy.TrackedLead;
import io.rapport.core.social.rules.PlannedAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Lead follow-up SLA: once a Lead the hub created reaches its due time, asks Salesforce whether anyone acted on it
 * (a Task or Event naming it, a status change, a conversion) and, if nobody did, carries out the rule's escalation
 * (alerts, reassignment) once. Referenced by name ({@value #BEAN_NAME}) from routes/social-listening.yaml.
 */
public class LeadFollowUpWatch implements Processor {

    public static final String BEAN_NAME = "watchLeadFollowUps";
    public static final String OPEN = "OPEN";
    public static final String FOLLOWED_UP = "FOLLOWED_UP";
    public static final String ESCALATED = "ESCALATED";
    public static final String GONE = "GONE";

    /** The status a Lead is created with (Salesforce's default picklist value); any other means someone acted. */
    static final String NEW_LEAD_STATUS = "Open - Not Contacted";

    private static final Logger log = LoggerFactory.getLogger(LeadFollowUpWatch.class);
    private static final int LEADS_PER_PASS = 200;

    private record Watched(String leadId, String actionId, String eventId, String ruleId, String ownerId,
                           Instant createdAt, String planJson) {
    }

    private final JdbcTemplate jdbc;
    private final SalesforceActions salesforce;
    private final SocialRules rules;
    private final SocialActionDispatcher dispatcher;
    private final SocialEventStore store;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public LeadFollowUpWatch(JdbcTemplate jdbc, SalesforceActions salesforce, SocialRules rules,
                             SocialActionDispatcher dispatcher, SocialEventStore store,
                             TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.salesforce = salesforce;
        this.rules = rules;
        this.dispatcher = dispatcher;
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        runOnce();
    }

    /** Checks the Leads that are due; how many it escalated. */
    public int runOnce() throws Exception {
        Instant now = clock.instant();
        List<Watched> due = jdbc.query("SELECT f.lead_id, f.action_id, a.event_id, a.rule_id, f.owner_id, f.created_at,"
                + " a.plan_json FROM social_lead_followup f JOIN social_action a ON a.action_id = f.action_id"
                + " WHERE f.status = ? AND f.due_at <= ? ORDER BY f.due_at FETCH FIRST " + LEADS_PER_PASS
                + " ROWS ONLY", (rs, n) -> new Watched(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), OPEN,
                Timestamp.from(now));
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, LeadFollowUp> seen = salesforce.leadFollowUps(due.stream().map(Watched::leadId).toList());
        Map<String, List<String>> toDispatch = new LinkedHashMap<>();
        int escalated = 0;
        for (Watched lead : due) {
            LeadFollowUp found = seen.get(lead.leadId());
            if (found == null) {
                close(lead, GONE, now);
                continue;
            }
            FollowUpPolicy policy = rules.current().followUp(lead.ruleId()).orElse(rules.current().followUp());
            TrackedLead tracked = new TrackedLead(lead.leadId(), found.ownerId(), lead.createdAt(), lead.ruleId(),
                    values(lead.planJson()), null);
            boolean statusChanged = found.converted() || !NEW_LEAD_STATUS.equals(found.status());
            FollowUpCheck check = policy.check(tracked, new LeadActivity(found.latestActivityAt(), statusChanged), now);
            switch (check.status()) {
                case FOLLOWED_UP, NOT_TRACKED -> close(lead, FOLLOWED_UP, now);
                case DUE -> {
                    toDispatch.put(lead.eventId(), escalate(lead, check.escalation(), now));
                    escalated++;
                }
                default -> {
                    // WAITING: the SLA changed in a reload; look again when it is due
                    jdbc.update("UPDATE social_lead_followup SET due_at = ?, checked_at = ? WHERE lead_id = ?",
                            Timestamp.from(check.dueAt()), Timestamp.from(now), lead.leadId());
                }
            }
        }
        dispatcher.dispatch(toDispatch);
        if (escalated > 0) {
            log.info("{} social Leads had no follow-up within their SLA; escalated", escalated);
        }
        return escalated;
    }

    private List<String> escalate(Watched lead, List<PlannedAction> escalation, Instant now) {
        List<io.rapport.app.social.PlannedAction> planned = new ArrayList<>();
        for (int i = 0; i < escalation.size(); i++) {
            PlannedAction action = escalation.get(i);
            Map<String, String> fields = new LinkedHashMap<>(action.fields());
            if (action.field(PlannedAction.SUBJECT_ID) == null && "lead".equals(action.field(PlannedAction.SUBJECT))) {
                fields.put(PlannedAction.SUBJECT_ID, lead.leadId());
            }
            fields.putIfAbsent(PlannedAction.LEAD_ID, lead.leadId());
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("fields", fields);
            plan.put("note", action.note());
            planned.add(new io.rapport.app.social.PlannedAction(String.format("%s-esc%02d", lead.actionId(), i + 1),
                    lead.eventId(), action.ruleId(), action.type().key(), plan));
        }
        transactions.executeWithoutResult(status -> {
            store.saveActions(planned, now);
            close(lead, ESCALATED, now);
        });
        return planned.stream().map(io.rapport.app.social.PlannedAction::actionId).toList();
    }

    private void close(Watched lead, String status, Instant now) {
        jdbc.update("UPDATE social_lead_followup SET status = ?, checked_at = ?, closed_at = ? WHERE lead_id = ?",
                status, Timestamp.from(now), Timestamp.from(now), lead.leadId());
    }

    private Map<String, String> values(String planJson) {
        try {
            Map<String, Object> plan = json.readValue(planJson, new TypeReference<>() { });
            Map<String, String> values = new LinkedHashMap<>();
            if (plan.get("values") instanceof Map<?, ?> stored) {
                stored.forEach((k, v) -> values.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable plan of a watched Lead", e);
        }
    }
}
