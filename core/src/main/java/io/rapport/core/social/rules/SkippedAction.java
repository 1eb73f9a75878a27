package io.rapport.core.social.rules;

/**
 * An action a matching rule asked for but that cannot or should not be done for this post, with why: a Case for a
 * customer without Contact or Account, a second Lead for one post. Kept so nothing a rule asked for disappears
 * unexplained.
 */
public record SkippedAction(String ruleId, ActionType type, String reason) {
}
