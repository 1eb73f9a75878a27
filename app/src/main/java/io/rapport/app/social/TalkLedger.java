package io.rapport.app.social;

import io.rapport.core.social.rules.ListenTalkGuard;
import io.rapport.core.social.rules.ListenTalkGuard.Counts;
import io.rapport.core.social.rules.ListenTalkGuard.Decision;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listen/talk guard's counts for a brand account and day. What was heard is what the Message Store holds: the
 * posts received that day and not collapsed into another ({@code social_event}), so the enrich stage writes nothing
 * for the guard. What was said is counted here ({@code social_talk_count}), under a row lock, so two replies sent at
 * once from two hub instances cannot both take the last allowance. Both survive restarts. The arithmetic is the
 * rules' guard's.
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

    /** Counts a reply if the guard allows one now; the decision says why not otherwise. */
    public Decision tryTalk(String account, Instant at) {
        ListenTalkGuard rules = guard.get();
        LocalDate day = rules.day(at);
        return transactions.execute(status -> {
            ensureRow(account, day);
            long talked = jdbc.queryForObject("SELECT talked FROM social_talk_count WHERE account = ? AND talk_day = ?"
                    + " FOR UPDATE", Long.class, account, Date.valueOf(day));
            Decision decision = rules.decide(new Counts(listened(rules, day), talked));
            if (decision.allowed()) {
                jdbc.update("UPDATE social_talk_count SET talked = talked + 1 WHERE account = ? AND talk_day = ?",
                        account, Date.valueOf(day));
            }
            return decision;
        });
    }

    /** Takes back a reply {@link #tryTalk} counted that did not go out after all (the network refused it). */
    public void untalk(String account, Instant at) {
        jdbc.update("UPDATE social_talk_count SET talked = talked - 1 WHERE account = ? AND talk_day = ? AND talked > 0",
                account, Date.valueOf(guard.get().day(at)));
    }

    private long listened(ListenTalkGuard rules, LocalDate day) {
        Instant start = day.atStartOfDay(rules.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(rules.zone()).toInstant();
        return jdbc.queryForObject("SELECT COUNT(*) FROM social_event WHERE received_at >= ? AND received_at < ?"
                + " AND collapsed_into IS NULL", Long.class, Timestamp.from(start), Timestamp.from(end));
    }

    private void ensureRow(String account, LocalDate day) {
        jdbc.update("INSERT INTO social_talk_count (account, talk_day, talked) SELECT ?, ?, 0"
                + " WHERE NOT EXISTS (SELECT 1 FROM social_talk_count WHERE account = ? AND talk_day = ?)", account,
                Date.valueOf(day), account, Date.valueOf(day));
    }
}
