package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.app.social.SocialReplies;
import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.PlannedAction;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Puts a post on the reply queue ({@code GET /api/v1/social/replies}), for a person to answer. */
public class QueueReplyHandler implements SocialActionHandler {

    private final JdbcTemplate jdbc;
    private final String defaultAccount;
    private final Clock clock;

    public QueueReplyHandler(JdbcTemplate jdbc, String defaultAccount, Clock clock) {
        this.jdbc = jdbc;
        this.defaultAccount = defaultAccount;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ActionType.QUEUE_REPLY.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        Map<String, String> fields = PlanFields.fields(plan);
        String account = fields.getOrDefault(PlannedAction.ACCOUNT, defaultAccount);
        int priority = parsePriority(fields.get(PlannedAction.PRIORITY));
        // the action id is the reply's id: a redelivered action finds its row and queues nothing twice
        if (jdbc.queryForObject("SELECT COUNT(*) FROM social_reply WHERE reply_id = ?", Long.class, actionId) == 0) {
            jdbc.update("INSERT INTO social_reply (reply_id, event_id, account, priority, status, suggested, queued_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", actionId, eventId, account, priority, SocialReplies.QUEUED,
                    fields.get(PlannedAction.TEXT), Timestamp.from(clock.instant()));
        }
        return Outcome.done(actionId, "queued for a reply from @" + account + " (priority " + priority + ")");
    }

    private static int parsePriority(String value) {
        if (value == null) {
            return 3;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "urgent", "critical" -> 1;
                case "high" -> 2;
                case "low" -> 4;
                default -> 3;
            };
        }
    }
}
