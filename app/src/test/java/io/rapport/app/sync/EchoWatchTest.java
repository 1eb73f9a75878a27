package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EchoWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final EchoWatch watch = new EchoWatch(Duration.ofMinutes(2));

    @Test
    void aWriteWithNoEventForTheTimeoutMeansTheSubscriptionIsDeaf() {
        watch.written(T0);

        assertThat(watch.deaf(T0.plusSeconds(119))).isFalse();
        assertThat(watch.deaf(T0.plusSeconds(120))).isTrue();
        assertThat(watch.unansweredSince()).isEqualTo(T0);
    }

    @Test
    void anyEventAfterTheWriteAnswersIt() {
        watch.written(T0);
        watch.heard(T0.plusSeconds(1));

        assertThat(watch.deaf(T0.plusSeconds(600))).isFalse();
    }

    @Test
    void anEchoHeardBeforeTheWriteCallReturnedStillAnswersIt() {
        // the event overtook the write's HTTP answer: the write is reported after its echo was heard
        watch.heard(T0.plusMillis(40));
        watch.written(T0);

        assertThat(watch.deaf(T0.plusSeconds(600))).isFalse();
    }

    @Test
    void theOldestUnansweredWriteCountsAndARestartClearsIt() {
        watch.written(T0);
        watch.written(T0.plusSeconds(100));

        assertThat(watch.deaf(T0.plusSeconds(121))).isTrue();
        watch.reset();
        assertThat(watch.deaf(T0.plusSeconds(600))).isFalse();
    }
}
