package io.rapport.core.social.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * "Listen more than you talk": a brand account may send a reply only while its replies stay a small share of what it
 * handles that day. Per account and calendar day in {@link #zone()} (UTC by default; midnight there starts a new day
 * with zero counts), with L posts listened to and T replies sent so far, one more reply is allowed exactly when
 * <pre>
 *     100 * (T + 1) &lt;= talkPercent * (L + T + 1)
 * </pre>
 * that is, when the talk share T / (L + T) would still be at most {@code talkPercent}% after it. Integer arithmetic,
 * so 25% means exactly 25%. With the default 75/25: no reply before 3 posts were listened to, then one reply per 3
 * posts (3 listened allow the 1st reply, 6 the 2nd, 9 the 3rd). {@code talkPercent} 0 turns replies off; 100 never
 * throttles. A post counts as listened once it is read for the account, whether or not it gets a reply; a reply
 * counts as talk when it is sent, not when it is queued.
 *
 * @param listenPercent the share of listening, 0-100
 * @param talkPercent   the share of talking, 0-100; the two add up to 100
 * @param zone          whose midnight ends a day
 */
public record ListenTalkGuard(int listenPercent, int talkPercent, ZoneId zone) {

    public static final ListenTalkGuard DEFAULT = new ListenTalkGuard(75, 25, ZoneOffset.UTC);

    public ListenTalkGuard {
        Objects.requireNonNull(zone, "zone");
        if (listenPercent < 0 || talkPercent < 0 || listenPercent + talkPercent != 100) {
            throw new IllegalArgumentException("listen " + listenPercent + "% and talk " + talkPercent
                    + "% must be 0-100 each and add up to 100");
        }
    }

    /** The day an instant counts towards. */
    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Whether one more reply may go out, given the day's counts so far. */
    public Decision decide(Counts counts) {
        long listened = counts.listened();
        long talked = counts.talked();
        boolean allowed = 100 * (talked + 1) <= (long) talkPercent * (listened + talked + 1);
        if (allowed) {
            return new Decision(true, counts, 0);
        }
        if (talkPercent == 0) {
            return new Decision(false, counts, -1);
        }
        // smallest L' with 100 (T + 1) <= p (L' + T + 1)
        long needed = ceilDiv(100 * (talked + 1), talkPercent) - talked - 1;
        return new Decision(false, counts, needed - listened);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * One account's counts for one day.
     *
     * @param listened posts read for the account
     * @param talked   replies it sent
     */
    public record Counts(long listened, long talked) {

        public static final Counts ZERO = new Counts(0, 0);

        public Counts {
            if (listened < 0 || talked < 0) {
                throw new IllegalArgumentException("counts are never negative");
            }
        }

        Counts listen() {
            return new Counts(listened + 1, talked);
        }

        Counts talk() {
            return new Counts(listened, talked + 1);
        }
    }

    /**
     * @param allowed       a reply may go out now
     * @param counts        the counts the decision was made on
     * @param listensNeeded when not allowed: how many more posts must be listened to before the next reply (with no
     *                      reply sent in between); -1 when replies are off; 0 when allowed
     */
    public record Decision(boolean allowed, Counts counts, long listensNeeded) {

        public String reason() {
            if (allowed) {
                return "allowed: " + counts.talked() + " replies to " + counts.listened() + " posts listened to";
            }
            if (listensNeeded < 0) {
                return "replies are off (talk 0%)";
            }
            return "throttled: " + counts.talked() + " replies to " + counts.listened() + " posts listened to; "
                    + listensNeeded + " more to listen to before the next reply";
        }
    }
}
