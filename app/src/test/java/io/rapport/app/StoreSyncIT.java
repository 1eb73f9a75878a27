package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub keeps Salesforce consistent with the ERP: a business partner entered in the ERP database reaches the
 * Salesforce sandbox through the real Camel Salesforce component, without its national id, and nothing comes back
 * to the ERP; a Salesforce outage delays a change but loses nothing.
 */
class StoreSyncIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ErpDatabase erp;

    @Autowired
    private SalesforceSandbox sandbox;

    @Autowired
    private CamelContext camel;

    @Test
    void anErpCustomerReachesSalesforceWithoutItsNationalIdAndAnOutageLosesNoChange() throws Exception {
        String family = "Sandvik" + UUID.randomUUID().toString().substring(0, 6);
        String partnerNo = "IT" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate erpDb = new JdbcTemplate(erp.dataSource());
        LocalDateTime now = LocalDateTime.now();
        erpDb.update("INSERT INTO bp_partner (partner_no, kind, first_name, last_name, national_id, email, credit_limit,"
                + " created_at, changed_at, changed_by) VALUES (?, 'PERSON', 'Ingrid', ?, '19800101-1234',"
                + " 'ingrid@example.se', 2500.00, ?, ?, 'ERPUSER')", partnerNo, family, now, now);
        erpDb.update("INSERT INTO bp_address (partner_no, address_type, street, house_no, postcode, city, country,"
                + " changed_at, changed_by) VALUES (?, 'BILL', 'Storgatan', '12A', '11122', 'Stockholm', 'SE', ?,"
                + " 'ERPUSER')", partnerNo, now);

        JsonNode contact = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> contact(family), found -> found != null);

        String customerId = jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?",
                String.class, "erp:" + partnerNo);
        assertThat(contact.get("Rapport_Id__c").asText()).isEqualTo(customerId);
        assertThat(contact.get("FirstName").asText()).isEqualTo("Ingrid");
        assertThat(contact.get("MailingStreet").asText()).isEqualTo("Storgatan 12A");
        assertThat(contact.get("MailingCity").asText()).isEqualTo("Stockholm");
        assertThat(new java.math.BigDecimal(contact.get("Credit_Limit__c").asText())).isEqualByComparingTo("2500");
        assertThat(contact.toString()).doesNotContain("19800101").doesNotContain("1234");

        // the hub wrote nothing back to the ERP: its own copy of the ERP's values is not a change there
        long apiCalls = sandbox.apiCalls();
        Thread.sleep(1_500);
        assertThat(erpDb.queryForObject("SELECT changed_by FROM bp_partner WHERE partner_no = ?", String.class,
                partnerNo)).isEqualTo("ERPUSER");
        assertThat(sandbox.apiCalls() - apiCalls).as("Salesforce calls once idle (our query excluded)").isZero();

        // Salesforce answers 503 for a while: the change waits and arrives
        sandbox.failFor(Duration.ofSeconds(3), 503);
        erpDb.update("UPDATE bp_partner SET credit_limit = 3000.00, changed_at = ?, changed_by = 'ERPUSER'"
                + " WHERE partner_no = ?", LocalDateTime.now(), partnerNo);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(new java.math.BigDecimal(contact(family).get("Credit_Limit__c").asText())).isEqualByComparingTo("3000"));
        JsonNode report = JSON.readTree(viewer().getForObject("/api/v1/consistency/report", String.class));
        assertThat(report.get("enabled").asBoolean()).isTrue();
        assertThat(report.get("conflictsLogged").asLong()).isZero();
    }

    private JsonNode contact(String family) throws Exception {
        String body = camel.createProducerTemplate().requestBody("salesforce:query?rawPayload=true&sObjectQuery="
                + "SELECT Id, FirstName, LastName, MailingStreet, MailingCity, Credit_Limit__c, Rapport_Id__c,"
                + " Birthdate, Tax_Id__c FROM Contact WHERE LastName = '" + family + "'", null, String.class);
        JsonNode records = JSON.readTree(body).get("records");
        return records.isEmpty() ? null : records.get(0);
    }
}
