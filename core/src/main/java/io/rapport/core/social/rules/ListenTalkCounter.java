package io.rapport.core.social.rules;

import io.rapport.core.social.rules.ListenTalkGuard.Counts;
import io.rapport.core.social.rules.ListenTalkGuard.Decision;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The listen/talk counts per brand account and day, in memory: for one hub instance (a restart starts the day's
 * counts again at zero, which errs on the quiet side). Thread-safe: deciding on a reply and counting it is one atomic
 * step, so two senders can never both take the last allowed reply. Days before yesterday are forgotten. The guard is
 * passed on each call, so a rule reload that changes the ratio or zone applies at once.
 */
public final class ListenTalkCounter {

    private record Key(String account, LocalDate day) {
    }

    private final ConcurrentMap<Key, Counts> counts = new ConcurrentHashMap<>();

    /** One post was read for the account. */
    public void listened(String account, Instant at, ListenTalkGuard guard) {
        Key key = key(account, at, guard);
        counts.merge(key, Counts.ZERO.listen(), (old, one) -> old.listen());
        forgetBefore(key.day().minusDays(1));
    }

    /**
     * Whether the account may send one reply now; when it may, the reply is counted as sent. Call it right before
     * sending, and send only when it is allowed.
     */
    public Decision tryTalk(String account, Instant at, ListenTalkGuard guard) {
        Key key = key(account, at, guard);
        Decision[] decision = new Decision[1];
        counts.compute(key, (k, old) -> {
            Counts current = old == null ? Counts.ZERO : old;
            decision[0] = guard.decide(current);
            return decision[0].allowed() ? current.talk() : current;
        });
        return decision[0];
    }

    /** What {@link #tryTalk} would answer, without counting anything. */
    public Decision check(String account, Instant at, ListenTalkGuard guard) {
        return guard.decide(counts(account, at, guard));
    }

    public Counts counts(String account, Instant at, ListenTalkGuard guard) {
        return counts.getOrDefault(key(account, at, guard), Counts.ZERO);
    }

    private void forgetBefore(LocalDate day) {
        counts.keySet().removeIf(key -> key.day().isBefore(day));
    }

    private static Key key(String account, Instant at, ListenTalkGuard guard) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        return new Key(account.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT), guard.day(at));
    }
}
