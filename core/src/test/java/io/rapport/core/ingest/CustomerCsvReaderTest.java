package io.rapport.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerCsvReaderTest {

    private final List<SourceRecord> accepted = new ArrayList<>();
    private final List<Long> acceptedRows = new ArrayList<>();
    private final List<RowRejection> rejected = new ArrayList<>();

    private long read(String csv) throws IOException {
        return read(csv.getBytes(StandardCharsets.UTF_8), ImportLimits.defaults());
    }

    private long read(byte[] csv, ImportLimits limits) throws IOException {
        return new CustomerCsvReader(limits).read(SourceName.of("crm"), new ByteArrayInputStream(csv), new CustomerRowHandler() {
            @Override
            public void accepted(long row, SourceRecord record) {
                acceptedRows.add(row);
                accepted.add(record);
            }

            @Override
            public void rejected(RowRejection rejection) {
                rejected.add(rejection);
            }
        });
    }

    @Test
    void wellFormedRowsBecomeSourceRecordsWithCanonicalColumnNamesAndExtraAttributes() throws IOException {
        long rows = read("Source_ID, given_name ,email,loyalty_tier\r\n"
                + "c-1,Anna,anna@example.com,gold\r\n"
                + "c-2,\"O'Brien, Seán\",\"said \"\"hi\"\"\",\r\n");

        assertThat(rows).isEqualTo(2);
        assertThat(rejected).isEmpty();
        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("c-1", "c-2");
        assertThat(accepted.get(0).fields())
                .containsExactly(Map.entry("given_name", "Anna"), Map.entry("email", "anna@example.com"),
                        Map.entry("loyalty_tier", "gold"));
        assertThat(accepted.get(1).fields()).containsEntry("given_name", "O'Brien, Seán")
                .containsEntry("email", "said \"hi\"")
                .doesNotContainKey("loyalty_tier");
        assertThat(accepted.get(0).key()).isEqualTo("crm:c-1");
    }

    @Test
    void quotedFieldsMaySpanLines() throws IOException {
        read("source_id,street,locality\n1,\"Main St 1\nBuilding B\",Oslo\n2,Elm,Bergen\n");

        assertThat(rejected).isEmpty();
        assertThat(accepted.get(0).fields()).containsEntry("street", "Main St 1\nBuilding B");
        assertThat(acceptedRows).containsExactly(1L, 2L);
    }

    @Test
    void strayQuoteRejectsOnlyItsRowAndReadingResumesOnTheNextLine() throws IOException {
        read("source_id,given_name\n1,\"Anna\n2,Bob\n3,Ca\"rl\n4,\"Dora\"x\n5,Eve\n");

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("2", "5");
        assertThat(rejected).extracting(RowRejection::row).containsExactly(1L, 3L, 4L);
        assertThat(rejected).extracting(RowRejection::line).containsExactly(2L, 4L, 5L);
        assertThat(rejected.get(0).reason()).contains("never closed");
        assertThat(rejected.get(1).reason()).contains("quote character inside unquoted field 2");
        assertThat(rejected.get(2).reason()).contains("after the closing quote of field 2");
    }

    @Test
    void anUnclosedQuoteIsBlamedOnItsOwnRowEvenWhenALaterQuoteWouldCloseIt() throws IOException {
        read("source_id,given_name\n1,\"Anna\n2,Bob\n3,\"Carl \"\"C\"\"\",x\n");

        assertThat(rejected).extracting(RowRejection::row).containsExactly(1L, 3L);
        assertThat(rejected.get(0).reason()).isEqualTo("quoted field 2 is never closed");
        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("2");
    }

    @Test
    void unterminatedQuoteAtEndOfFileIsRejected() throws IOException {
        read("source_id,given_name\n1,Anna\n2,\"Bob\n");

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("1");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.reason()).contains("quoted field 2 is never closed");
        });
    }

    @Test
    void invalidUtf8RejectsTheRowWithItsPosition() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("source_id,given_name\n1,Anna\n2,J".getBytes(StandardCharsets.UTF_8));
        csv.write(0xE9); // 'é' in ISO-8859-1, invalid on its own in UTF-8
        csv.writeBytes("r\u00f4me\n3,Carl\n".getBytes(StandardCharsets.UTF_8));

        read(csv.toByteArray(), ImportLimits.defaults());

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("1", "3");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).contains("not valid UTF-8 at byte 4");
        });
    }

    @Test
    void missingSourceIdIsRejected() throws IOException {
        read("given_name,source_id\nAnna,\nBob,  \nCarl,7\n");

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("7");
        assertThat(rejected).extracting(RowRejection::row).containsExactly(1L, 2L);
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).contains("source_id is missing"));
    }

    @Test
    void duplicateSourceIdInOneFileRejectsTheLaterRowNamingTheFirst() throws IOException {
        read("source_id,given_name\nA1,Anna\nB2,Bob\nA1,Anna again\n");

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("A1", "B2");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(3);
            assertThat(r.sourceId()).isEqualTo("A1");
            assertThat(r.reason()).contains("already used by row 1");
        });
    }

    @Test
    void oversizedFieldsAndLinesAreRejectedWithoutStoppingTheFile() throws IOException {
        String longName = "x".repeat(101);
        String longLine = "3," + "y".repeat(300);
        read(("source_id,given_name\n1," + longName + "\n2,ok\n" + longLine + "\n4,fine\n").getBytes(StandardCharsets.UTF_8),
                new ImportLimits(100, 200, 4));

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("2", "4");
        assertThat(rejected).extracting(RowRejection::row).containsExactly(1L, 3L);
        assertThat(rejected.get(0).reason()).contains("'given_name' (column 2) is 101 characters long; the limit is 100");
        assertThat(rejected.get(1).reason()).contains("302 bytes long; the limit is 200");
    }

    @Test
    void wrongFieldCountAndControlCharactersAreRejected() throws IOException {
        read("source_id,given_name\n1,Anna,extra\n2\n3,Bo\u0000b\n4,Dora\n");

        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("4");
        assertThat(rejected).extracting(RowRejection::reason).containsExactly(
                "expected 2 fields as in the header, found 3",
                "expected 2 fields as in the header, found 1",
                "field 'given_name' (column 2) contains control character U+0000");
    }

    @Test
    void blankLinesAreNotRowsAndAByteOrderMarkIsIgnored() throws IOException {
        long rows = read("\uFEFFsource_id,email\n\n1,a@example.com\n\n2,b@example.com\n");

        assertThat(rows).isEqualTo(2);
        assertThat(accepted).extracting(SourceRecord::sourceId).containsExactly("1", "2");
    }

    @Test
    void unreadableHeadersRejectTheWholeFile() {
        assertThatThrownBy(() -> read("")).isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("given_name,email\nAnna,a@example.com\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("no 'source_id' column");
        assertThatThrownBy(() -> read("source_id,email,EMAIL\n1,a,b\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("'email' twice");
        assertThatThrownBy(() -> read("source_id,,email\n"))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("column 2 has no name");
        assertThat(accepted).isEmpty();
    }

    @Test
    void sourceNamesAreRestrictedToASafeAlphabet() {
        assertThat(SourceName.of("crm-eu_1.prod").value()).isEqualTo("crm-eu_1.prod");
        assertThatThrownBy(() -> SourceName.of("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceName.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceName.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
