package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.customer.SourceRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceSourceRecordsTest {

    @Test
    void aContactBecomesASourceRecordWithCanonicalNamesTheHubIdAndSalesforcesOwnValues() throws Exception {
        SalesforceSourceRecords records = new SalesforceSourceRecords(
                new SalesforceRecordMapper(SalesforceRecordMapperTest.shippedMapping()));

        SourceRecord record = records.toSourceRecord("Contact", Map.of("Id", "003000000000001AAA",
                "LastName", "Berg", "MailingStreet", "Storgatan 12A", "Rapport_Id__c", "C42",
                "SystemModstamp", "2026-11-24T10:00:00.000+0000"));

        assertThat(record.key()).isEqualTo("salesforce:003000000000001AAA");
        assertThat(record.fields()).containsEntry("family_name", "Berg").containsEntry("street", "Storgatan")
                .containsEntry("street_number", "12A").containsEntry("rapport_id", "C42")
                .containsEntry("sf.MailingStreet", "Storgatan 12A").containsEntry("sf_object", "Contact");
    }

    @Test
    void theHubsOwnJoinedWriteReadsBackAsWrittenWhenTheAgreedValuesAreKnown() throws Exception {
        SalesforceSourceRecords records = new SalesforceSourceRecords(
                new SalesforceRecordMapper(SalesforceRecordMapperTest.shippedMapping()));
        SourceRecord echo = records.toSourceRecord("Contact", Map.of("Id", "003000000000002AAA",
                "LastName", "Dupont", "MailingStreet", "Rue de la Paix"));
        Map<String, String> agreed = new HashMap<>();
        agreed.put("street", "Rue de la Paix");
        agreed.put("family_name", "Dupont");

        Map<String, String> values = records.syncedValues("Contact", echo.fields(), agreed);

        assertThat(values).containsEntry("street", "Rue de la Paix").containsEntry("street_number", null)
                .containsEntry("family_name", "Dupont");
    }
}
