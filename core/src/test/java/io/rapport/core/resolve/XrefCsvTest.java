package io.rapport.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XrefCsvTest {

    @Test
    void plainIdsAreWrittenAsTheyAre() {
        assertThat(XrefCsv.HEADER + XrefCsv.line("crm", "C-1", "C0a1")).isEqualTo("source,source_id,customer_id\ncrm,C-1,C0a1\n");
    }

    @Test
    void anIdWithACommaQuoteOrLineBreakIsQuoted() {
        assertThat(XrefCsv.line("erp", "12,5 \"B\"", "C1")).isEqualTo("erp,\"12,5 \"\"B\"\"\",C1\n");
        assertThat(XrefCsv.line("erp", "a\rb", "C1")).isEqualTo("erp,\"a\rb\",C1\n");
    }
}
