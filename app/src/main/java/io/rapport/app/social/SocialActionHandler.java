package io.rapport.app.social;

import java.util.Map;

/** Carries out one kind of planned action (a Lead, a Case, an alert, a queued reply). */
public interface SocialActionHandler {

    /** What became of an action: DONE with the id of what it made, or SKIPPED/FAILED with why. */
    record Outcome(SocialActionStatus status, String targetId, String detail) {

        public static Outcome done(String targetId, String detail) {
            return new Outcome(SocialActionStatus.DONE, targetId, detail);
        }

        public static Outcome skipped(String why) {
            return new Outcome(SocialActionStatus.SKIPPED, null, why);
        }

        public static Outcome failed(String why) {
            return new Outcome(SocialActionStatus.FAILED, null, why);
        }
    }

    /** The action type it handles, as the rules name it. */
    String type();

    /**
     * Carries the action out. Throws when it may succeed later (the target is unavailable): the message is
     * redelivered. Returns FAILED when it never will (the target refused the request).
     */
    Outcome execute(String actionId, String eventId, Map<String, Object> plan);
}
