package io.rapport.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErasedKeysTest {

    @Test
    void aKeyIsRememberedOnlyAsItsHashTheSameEveryTimeAndDistinctPerRecord() {
        String hash = ErasedKeys.hash("erp:1000042");

        assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain("1000042");
        assertThat(ErasedKeys.hash("erp:1000042")).isEqualTo(hash);
        assertThat(ErasedKeys.hash("erp:1000043")).isNotEqualTo(hash);
        assertThat(ErasedKeys.hash("salesforce:1000042")).isNotEqualTo(hash);
    }
}
