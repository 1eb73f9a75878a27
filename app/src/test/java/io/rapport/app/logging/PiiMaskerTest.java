package io.rapport.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rejected anna.berg@example.com: duplicate | rejected a***@example.com: duplicate",
            "to <ola_nordmann+crm@mail.example.no> | to <o***@mail.example.no>",
            "phone +47 912 34 567 stored | phone +** *** ** *67 stored",
            "phone +4791234567 | phone +********67",
            "call +1 555-123-4567. | call +* ***-***-**67.",
            "us (555) 123-4567 | us (***) ***-**67",
            "no 912 34 567 and 22 12 34 56 | no *** ** *67 and ** ** ** 56",
            "se 08-123 45 67 | se **-*** ** 67",
            "de 030 1234567 | de *** *****67",
            "idd 0047-91234567 | idd ****-******67",
            "uk 07700 900123, 0770090012 and 020 7946 0958 | uk ***** ****23, ********12 and *** **** **58",
            "fr 01 23 45 67 89 | fr ** ** ** ** 89",
            "ssn 123-45-6789 | ssn ***-**-****",
            "fnr 01018012345, 010180 12345 | fnr ***********, ****** *****",
            "pnr 19800101-1234 and 800101-1234 | pnr ********-**** and ******-****",
            "nir 1 84 12 76 451 089 46 | nir * ** ** ** *** *** **",
            "nino AB 12 34 56 C / AB123456C | nino ** ** ** ** * / *********",
    })
    void masksPersonalData(String raw, String masked) {
        assertThat(PiiMasker.mask(raw)).isEqualTo(masked);
        assertThat(PiiMasker.mask(masked)).isEqualTo(masked);
        assertThat(found(masked)).isEmpty();
        assertThat(found(raw)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "customer 550e8400-e29b-41d4-a716-446655440000 resolved",
            "correlation 12345678-1234-1234-1234-123456789012",
            "at 2026-11-25T01:35:49.123Z and 2026-11-25 01:35:49",
            "listening on 127.0.0.1:8080 and http://localhost:61616/api",
            "Camel 4.17.0, Spring Boot 3.5.9, Artemis 2.42.0",
            "imported 2,141 events/s, p99 111 ms, 250000 rows in 12345 ms",
            "epoch 1764034549123 and nanos 99887766554433",
            "batch 20000 of 100000, offset 1234567",
            "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=rapport_it_20261125013549_12345",
            "message ID:a1b2c3d4-0000-1111-2222-333344445555 redelivered 3 times",
            "import 7f9c-20261125-000123 row 17",
            "exchange 3A1BF0E2C9D4E53-0000000000000001",
            "hub@localhost and user@127.0.0.1",
    })
    void leavesOtherNumbersAlone(String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
        assertThat(found(text)).isEmpty();
    }

    @Test
    void textWithoutAtOrSixDigitsSkipsThePatterns() {
        assertThat(PiiMasker.mayContain("route customer-resolve started in 12 ms")).isFalse();
        assertThat(PiiMasker.mayContain("x@y")).isTrue();
        assertThat(PiiMasker.mayContain("id 123456")).isTrue();
        assertThat(PiiMasker.mask(null)).isNull();
    }

    @Test
    void findReportsEachKind() {
        List<String> seen = new ArrayList<>();
        PiiMasker.find("a@example.com, +47 912 34 567, 123-45-6789", (kind, value) -> seen.add(kind + "=" + value));
        assertThat(seen).containsExactly("NATIONAL_ID=123-45-6789", "EMAIL=a@example.com", "PHONE=+47 912 34 567");
    }

    private static List<String> found(String text) {
        List<String> found = new ArrayList<>();
        PiiMasker.find(text, (kind, value) -> found.add(kind + ":" + value));
        return found;
    }
}
