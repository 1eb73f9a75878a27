package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rapport.core.party.PartyType;
import java.io.File;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceRecordMapperTest {

    static SalesforceMapping shippedMapping() throws Exception {
        return new ObjectMapper(new YAMLFactory())
                .readValue(new File("../../config/mappings/salesforce.yaml"), SalesforceMapping.class);
    }

    @Test
    void theShippedMappingPutsPersonsInContactsAndOrganizationsInAccountsAndNeverMapsTheNationalId() throws Exception {
        SalesforceMapping mapping = shippedMapping();

        assertThat(mapping.objectFor(PartyType.PERSON)).isEqualTo("Contact");
        assertThat(mapping.objectFor(PartyType.ORGANIZATION)).isEqualTo("Account");
        SalesforceRecordMapper mapper = new SalesforceRecordMapper(mapping);
        assertThat(mapping.objects().keySet()).allSatisfy(object ->
                assertThat(mapper.syncedFields(object)).doesNotContain("national_id"));
        assertThat(mapping.callOptions()).isEqualTo("client=rapport-sync");
    }

    @Test
    void onlyTheSalesforceFieldsMadeOfChangedValuesAreWritten() throws Exception {
        SalesforceRecordMapper mapper = new SalesforceRecordMapper(shippedMapping());
        Map<String, String> desired = Map.of("given_name", "Anna", "family_name", "Berg", "street", "Storgatan",
                "street_number", "12A", "credit_limit", "5000");

        Map<String, Object> record = mapper.toSalesforce("Contact", desired, Set.of("street_number"));

        assertThat(record).containsExactly(Map.entry("MailingStreet", "Storgatan 12A"));
    }

    @Test
    void numbersReadBackInTheirCanonicalFormSoThatTheHubsOwnWriteIsNotAChange() throws Exception {
        SalesforceRecordMapper mapper = new SalesforceRecordMapper(shippedMapping());

        Map<String, String> values = mapper.fromSalesforce("Contact",
                Map.of("Credit_Limit__c", 5000.0, "LastName", "Berg", "Id", "003000000000001AAA"), Map.of());

        assertThat(values).containsEntry("credit_limit", "5000").containsEntry("family_name", "Berg")
                .doesNotContainKey("given_name");
        assertThat(SalesforceRecordMapper.canonical(new BigDecimal("5000.50"))).isEqualTo("5000.5");
    }

    @Test
    void aMappingMustSayWhereBothKindsOfCustomerGo() {
        assertThatThrownBy(() -> new SalesforceMapping("Rapport_Id__c", "rapport-sync",
                Map.of("Contact", new ObjectMapping(PartyType.PERSON, Map.of("LastName", "{family_name}")))))
                .hasMessageContaining("ORGANIZATION");
    }
}
