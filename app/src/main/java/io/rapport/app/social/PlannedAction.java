package io.rapport.app.social;

import java.util.Map;

/**
 * An action the social rules decided on for one post, before it is carried out.
 *
 * @param actionId unique, derived from the event and the rule, so planning the same post twice plans the same action
 * @param type     createLead, createCase, alert, queueReply
 * @param plan     what to do, as the rules rendered it (fields, owner, channels, message)
 */
public record PlannedAction(String actionId, String eventId, String ruleId, String type, Map<String, Object> plan) {
}
