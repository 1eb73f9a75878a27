package io.rapport.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.connector.erp.ErpWatermark.Gap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErpWatermarkTest {

    private static final Instant T0 = Instant.parse("2025-06-30T12:00:00Z");

    @Test
    void numbersSkippedWhileReadingBecomeGapsAndLateRowsFillThem() {
        ErpWatermark read = ErpWatermark.at(10).advance(List.of(11L, 14L, 15L, 20L), T0);

        assertThat(read.highestSeq()).isEqualTo(20);
        assertThat(read.gaps()).containsExactly(new Gap(12, 13, T0), new Gap(16, 19, T0));

        ErpWatermark filled = read.fill(List.of(12L, 17L));

        assertThat(filled.gaps()).containsExactly(new Gap(13, 13, T0), new Gap(16, 16, T0), new Gap(18, 19, T0));
        assertThat(filled.missingCount()).isEqualTo(4);
        assertThat(filled.purgeableUpTo()).as("never into a gap").isEqualTo(12);
    }

    @Test
    void theCompactFormReadsBackToTheSameWatermark() {
        ErpWatermark watermark = ErpWatermark.at(1000).advance(List.of(1003L, 1004L, 1010L), T0);

        String text = watermark.toString();

        assertThat(text).isEqualTo("v1;1010;1001-1002@" + T0.toEpochMilli() + ",1005-1009@" + T0.toEpochMilli());
        assertThat(ErpWatermark.parse(text)).isEqualTo(watermark);
        assertThat(ErpWatermark.parse(ErpWatermark.initial().toString())).isEqualTo(ErpWatermark.initial());
    }

    @Test
    void gapsOlderThanTheTimeoutAreGivenUpAndSoAreTheOldestBeyondTheCap() {
        ErpWatermark old = ErpWatermark.at(0).advance(List.of(2L), T0);
        ErpWatermark both = old.advance(List.of(5L), T0.plusSeconds(20));

        assertThat(both.expire(T0.plusSeconds(30), Duration.ofSeconds(30), 10).gaps()).hasSize(2);
        assertThat(both.expire(T0.plusSeconds(31), Duration.ofSeconds(30), 10).gaps())
                .containsExactly(new Gap(3, 4, T0.plusSeconds(20)));
        assertThat(both.expire(T0, Duration.ofSeconds(30), 1).gaps()).extracting(Gap::from).containsExactly(3L);
    }

    @Test
    void anythingButTheCompactFormIsRefused() {
        assertThatThrownBy(() -> ErpWatermark.parse("42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErpWatermark.parse("v1;10;12@0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 10");
        assertThatThrownBy(() -> ErpWatermark.parse("v1;10;x-2@0")).isInstanceOf(IllegalArgumentException.class);
    }
}
