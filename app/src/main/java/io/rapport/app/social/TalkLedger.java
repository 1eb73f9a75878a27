package io.rapport.app.social;

import io.rapport.core.social.rules.ListenTalkGuard;
import io.rapport.core.social.rules.ListenTalkGuard.Counts;
import io.rapport.core.social.rules.ListenTalkGuard.Decision;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listen/talk guard's counts, per brand account and day, in the database ({@code social_talk_count}): posts heard
 * and replies sent survive a restart and are shared by every hub instance. The arithmetic is the rules' guard's.
 */
public class TalkLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Supplier<ListenTalkGuard> guard;

    public TalkLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Supplier<ListenTalkGuard> guard) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.guard = guard;
    }

    /** Counts posts heard; runs inside the caller's transaction (the enrich stage's). */
    public void listened(String account, Instant at, long posts) {
        if (posts <= 0) {
            return;
        }
        Date day = Date.valueOf(guard.get().day(at));
        ensureRow(account, day);
        jdbc.update("UPDATE social_talk_count SET listened = listened + ? WHERE account = ? AND talk_day = ?", posts,
                account, day);
    }

    /** Counts a reply if the guard allows one now; the decision says why not otherwise. */
    public Decision tryTalk(String account, Instant at) {
        ListenTalkGuard rules = guard.get();
        Date day = Date.valueOf(rules.day(at));
        return transactions.execute(status -> {
            ensureRow(account, day);
            Counts counts = jdbc.queryForObject("SELECT listened, talked FROM social_talk_count WHERE account = ?"
                    + " AND talk_day = ? FOR UPDATE", (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)), account,
                    day);
            Decision decision = rules.decide(counts);
            if (decision.allowed()) {
                jdbc.update("UPDATE social_talk_count SET talked = talked + 1 WHERE account = ? AND talk_day = ?",
                        account, day);
            }
            return decision;
        });
    }

    /** Takes back a reply {@link #tryTalk} counted that did not go out after all (the network refused it). */
    public void untalk(String account, Instant at) {
        jdbc.update("UPDATE social_talk_count SET talked = talked - 1 WHERE account = ? AND talk_day = ? AND talked > 0",
                account, Date.valueOf(guard.get().day(at)));
    }

    public Counts counts(String account, Instant at) {
        LocalDate day = guard.get().day(at);
        List<Counts> counts = jdbc.query("SELECT listened, talked FROM social_talk_count WHERE account = ?"
                + " AND talk_day = ?", (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)), account, Date.valueOf(day));
        return counts.isEmpty() ? Counts.ZERO : counts.get(0);
    }

    private void ensureRow(String account, Date day) {
        jdbc.update("INSERT INTO social_talk_count (account, talk_day, listened, talked) SELECT ?, ?, 0, 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM social_talk_count WHERE account = ? AND talk_day = ?)", account,
                day, account, day);
    }
}
