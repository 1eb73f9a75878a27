package io.rapport.app.social;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.camel.jmsbatch.JmsBatchMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code social-act} stage: carries out each post's actions from {@code social.action}, in plan order, once each. Idempotent Receiver on the
 * action's row: an action that is no longer PLANNED was carried out (or given up) already and is acknowledged without
 * doing it again. Referenced by name ({@value #BEAN_NAME}) from routes/social-listening.yaml.
 */
public class SocialActionStage implements Processor {

    public static final String BEAN_NAME = "executeSocialAction";
    public static final String STAGE = "social-act";

    private static final Logger log = LoggerFactory.getLogger(SocialActionStage.class);

    private record Planned(String eventId, String type, String status, String planJson) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Map<String, SocialActionHandler> handlers;
    private final Clock clock;

    public SocialActionStage(JdbcTemplate jdbc, ObjectMapper json, List<SocialActionHandler> handlers, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.handlers = handlers.stream().collect(Collectors.toMap(SocialActionHandler::type, Function.identity()));
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<JmsBatchMessage> messages = exchange.getMessage().getMandatoryBody(List.class);
        for (JmsBatchMessage message : messages) {
            // one post's actions, in the order its rules planned them
            for (String actionId : message.body().strip().split("\n")) {
                if (!actionId.isBlank()) {
                    execute(actionId.strip());
                }
            }
        }
    }

    private void execute(String actionId) throws Exception {
        List<Planned> found = jdbc.query("SELECT event_id, action_type, status, plan_json FROM social_action"
                + " WHERE action_id = ?", (rs, n) -> new Planned(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), actionId);
        if (found.isEmpty() || !SocialActionStatus.PLANNED.name().equals(found.get(0).status())) {
            log.debug("action {} is {}; nothing to do", actionId, found.isEmpty() ? "unknown" : found.get(0).status());
            return;
        }
        Planned planned = found.get(0);
        SocialActionHandler handler = handlers.get(planned.type());
        SocialActionHandler.Outcome outcome = handler == null
                ? SocialActionHandler.Outcome.failed("no handler for action type " + planned.type()
                + " (known: " + handlers.keySet() + ")")
                : handler.execute(actionId, planned.eventId(), json.readValue(planned.planJson(),
                new TypeReference<Map<String, Object>>() { }));
        jdbc.update("UPDATE social_action SET status = ?, target_id = ?, detail = ?, done_at = ? WHERE action_id = ?",
                outcome.status().name(), outcome.targetId(), truncate(outcome.detail()),
                Timestamp.from(clock.instant()), actionId);
        if (outcome.status() == SocialActionStatus.FAILED) {
            log.warn("social action {} ({}) failed: {}", actionId, planned.type(), outcome.detail());
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }
}
