package io.rapport.app.social.actions;

import io.rapport.app.social.SocialActionHandler;
import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.PlannedAction;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * Sends a rule's alert to a Slack channel through the Camel Slack component (Web API {@code chat.postMessage} with
 * the bot token, on the configured server: Slack, or the embedded Slack sandbox).
 */
public class SlackAlertHandler implements SocialActionHandler {

    private final ProducerTemplate producer;
    private final String serverUrl;
    private final String tokenPlaceholder;

    /**
     * @param tokenPlaceholder a Camel property placeholder for the bot token ({@code {{rapport.social.slack.token}}}),
     *                         so the secret never appears in an endpoint URI that is logged or shown in Hawtio
     */
    public SlackAlertHandler(ProducerTemplate producer, String serverUrl, String tokenPlaceholder) {
        this.producer = producer;
        this.serverUrl = serverUrl;
        this.tokenPlaceholder = tokenPlaceholder;
    }

    @Override
    public String type() {
        return ActionType.SLACK_ALERT.key();
    }

    @Override
    public Outcome execute(String actionId, String eventId, Map<String, Object> plan) {
        Map<String, String> fields = PlanFields.fields(plan);
        String channel = fields.get(PlannedAction.CHANNEL);
        // Slack takes a channel's name with or without its #; in an endpoint URI a # would start a fragment
        String uri = "slack:" + channel.replaceFirst("^#", "") + "?token=" + tokenPlaceholder + "&serverUrl="
                + serverUrl;
        try {
            producer.sendBody(uri, escape(fields.get(PlannedAction.MESSAGE)));
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (reason.contains("429") || reason.contains("ratelimited")) {
                // Slack asks to wait: the message comes back after the stage's back-off
                throw new IllegalStateException("Slack rate-limited the alert to " + channel + ": " + reason, cause);
            }
            return Outcome.failed("Slack refused the alert to " + channel + ": " + reason);
        }
        return Outcome.done(null, "sent to Slack " + channel);
    }

    /** Slack reads &, < and > as mrkdwn control characters; a post's text must show as written. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
