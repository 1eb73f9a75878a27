package io.rapport.core.social.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.rules.ListenTalkGuard.Counts;
import io.rapport.core.social.rules.ListenTalkGuard.Decision;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listen more than you talk: 100 (T + 1) <= talk% (L + T + 1). */
class ListenTalkGuardTest {

    private static final ListenTalkGuard GUARD = ListenTalkGuard.DEFAULT;

    @ParameterizedTest(name = "listened {0}, talked {1}: allowed {2}, {3} more to listen to")
    @CsvSource({
            "0, 0, false, 3",
            "2, 0, false, 1",
            "3, 0, true, 0",
            "3, 1, false, 3",
            "6, 1, true, 0",
            "9, 2, true, 0",
            "9, 3, false, 3",
            "100, 32, true, 0",
            "100, 33, false, 2"})
    void oneReplyPerThreePostsListenedTo(long listened, long talked, boolean allowed, long needed) {
        Decision decision = GUARD.decide(new Counts(listened, talked));

        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(decision.listensNeeded()).isEqualTo(needed);
    }

    @Test
    void theTalkShareNeverExceedsItsPercentAfterAnAllowedReply() {
        for (int talk = 0; talk <= 100; talk += 5) {
            ListenTalkGuard guard = new ListenTalkGuard(100 - talk, talk, ZoneOffset.UTC);
            for (long listened = 0; listened < 60; listened++) {
                for (long talked = 0; talked < 60; talked++) {
                    Decision decision = guard.decide(new Counts(listened, talked));
                    boolean fits = (talked + 1) * 100 <= (long) talk * (listened + talked + 1);
                    assertThat(decision.allowed()).isEqualTo(fits);
                    if (!decision.allowed() && talk > 0) {
                        long more = decision.listensNeeded();
                        assertThat(guard.decide(new Counts(listened + more, talked)).allowed()).isTrue();
                        assertThat(more == 0 || !guard.decide(new Counts(listened + more - 1, talked)).allowed())
                                .as("the smallest number of posts to listen to").isTrue();
                    }
                }
            }
        }
    }

    @Test
    void zeroTalkTurnsRepliesOffAndHundredNeverThrottles() {
        Decision off = new ListenTalkGuard(100, 0, ZoneOffset.UTC).decide(new Counts(1000, 0));
        assertThat(off.allowed()).isFalse();
        assertThat(off.listensNeeded()).isEqualTo(-1);
        assertThat(off.reason()).isEqualTo("replies are off (talk 0%)");
        assertThat(new ListenTalkGuard(0, 100, ZoneOffset.UTC).decide(new Counts(0, 50)).allowed()).isTrue();
    }

    @Test
    void sharesMustAddUpToAHundred() {
        assertThatThrownBy(() -> new ListenTalkGuard(75, 30, ZoneOffset.UTC))
                .hasMessage("listen 75% and talk 30% must be 0-100 each and add up to 100");
    }

    @Test
    void theCounterDecidesAndCountsInOneStep() {
        ListenTalkCounter counter = new ListenTalkCounter();
        Instant noon = Instant.parse("2026-03-02T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            counter.listened("@Acme", noon, GUARD);
        }

        assertThat(counter.tryTalk("acme", noon, GUARD).allowed()).isTrue();
        Decision second = counter.tryTalk("acme", noon, GUARD);
        assertThat(second.allowed()).isFalse();
        assertThat(second.reason()).isEqualTo("throttled: 1 replies to 3 posts listened to; 3 more to listen to"
                + " before the next reply");
        assertThat(counter.counts("acme", noon, GUARD)).isEqualTo(new Counts(3, 1));
        assertThat(counter.counts("other", noon, GUARD)).isEqualTo(Counts.ZERO);
    }

    @Test
    void aNewUtcDayStartsAtZero() {
        ListenTalkCounter counter = new ListenTalkCounter();
        Instant lastSecond = Instant.parse("2026-03-02T23:59:59Z");
        for (int i = 0; i < 3; i++) {
            counter.listened("acme", lastSecond, GUARD);
        }

        assertThat(counter.check("acme", lastSecond, GUARD).allowed()).isTrue();
        assertThat(counter.check("acme", Instant.parse("2026-03-03T00:00:00Z"), GUARD).allowed()).isFalse();
        assertThat(counter.counts("acme", Instant.parse("2026-03-03T00:00:00Z"), GUARD)).isEqualTo(Counts.ZERO);
    }

    @Test
    void theDayEndsAtMidnightInTheConfiguredZone() {
        ListenTalkGuard oslo = new ListenTalkGuard(75, 25, ZoneId.of("Europe/Oslo"));
        ListenTalkCounter counter = new ListenTalkCounter();
        Instant lateUtc = Instant.parse("2026-03-02T22:30:00Z"); // 23:30 in Oslo: still March 2nd there
        Instant afterMidnightOslo = Instant.parse("2026-03-02T23:00:00Z"); // 00:00 March 3rd in Oslo
        for (int i = 0; i < 3; i++) {
            counter.listened("acme", Instant.parse("2026-03-02T08:00:00Z"), oslo);
        }

        assertThat(counter.tryTalk("acme", lateUtc, oslo).allowed()).isTrue();
        assertThat(counter.counts("acme", afterMidnightOslo, oslo)).isEqualTo(Counts.ZERO);
        assertThat(counter.counts("acme", afterMidnightOslo, GUARD))
                .as("in UTC 23:00 is still the same day").isEqualTo(new Counts(3, 1));
    }

    @Test
    void concurrentSendersNeverExceedTheRatio() throws Exception {
        ListenTalkCounter counter = new ListenTalkCounter();
        Instant noon = Instant.parse("2026-03-02T12:00:00Z");
        for (int i = 0; i < 300; i++) {
            counter.listened("acme", noon, GUARD);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> senders = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                senders.add(() -> counter.tryTalk("acme", noon, GUARD).allowed());
            }
            long sent = 0;
            for (Future<Boolean> result : pool.invokeAll(senders)) {
                sent += result.get() ? 1 : 0;
            }
            assertThat(sent).isEqualTo(100);
            assertThat(counter.counts("acme", noon, GUARD)).isEqualTo(new Counts(300, 100));
        } finally {
            pool.shutdownNow();
        }
    }
}
