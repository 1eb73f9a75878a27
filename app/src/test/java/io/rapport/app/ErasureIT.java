package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The right to be forgotten (docs/privacy.md): a person the hub, the ERP and Salesforce all hold is erased in the hub
 * at once and in both stores through their connectors, although Salesforce is down when the request is made; the
 * audit record says so, and a late delivery of the person's records does not bring them back.
 */
class ErasureIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private ErpDatabase erp;

    @Autowired
    private SalesforceSandbox sandbox;

    @Autowired
    private CamelContext camel;

    @Test
    void aPersonIsErasedInTheHubTheErpAndSalesforceAndLateDeliveriesDoNotBringThemBack() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String partnerNo = "ER" + tag;
        String family = "Forgetme" + tag;
        String email = "ingrid." + tag + "@forget.example";
        String handle = "ingrid_" + tag;
        JdbcTemplate erpDb = new JdbcTemplate(erp.dataSource());
        LocalDateTime now = LocalDateTime.now();
        erpDb.update("INSERT INTO bp_partner (partner_no, kind, first_name, last_name, email, phone, created_at,"
                + " changed_at, changed_by) VALUES (?, 'PERSON', 'Ingrid', ?, ?, '+46701239876', ?, ?, 'ERPUSER')",
                partnerNo, family, email, now, now);
        erpDb.update("INSERT INTO bp_address (partner_no, address_type, street, house_no, postcode, city, country,"
                + " changed_at, changed_by) VALUES (?, 'BILL', ?, '7', '11122', 'Stockholm', 'SE', ?, 'ERPUSER')",
                partnerNo, "Glomgatan" + tag, now);

        // the hub writes the Contact; a sales user's edit brings it back as a member of the same customer
        String contactId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> contact(family).get("Id").asText(), id -> id != null);
        sandbox.update("Contact", contactId, Map.of("Phone", "+46705550199"));
        String customerId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    String viaErp = customerOf("erp:" + partnerNo);
                    return viaErp.equals(customerOf("salesforce:" + contactId)) ? viaErp : null;
                }, id -> id != null);
        // a CRM export of the same person, with a social handle, joins them too
        String crm = uniqueSource("crm");
        importCsv(crm, "source_id,given_name,family_name,email,social_handle\n1,Ingrid," + family + "," + email
                + ",@" + handle + "\n");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> customerId.equals(customerOf(crm + ":1")));
        assertThat(traces(family, email, handle)).as("the person is in the hub before").isNotEmpty();

        assertThat(viewer().postForEntity("/api/v1/customers/" + customerId + "/erase", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin().postForEntity("/api/v1/customers/no-such-customer/erase", null, String.class))
                .satisfies(answer -> {
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
                });

        // Salesforce is down when the request is made: the hub is erased at once, Salesforce when it is back
        sandbox.failFor(Duration.ofSeconds(4), 503);
        ResponseEntity<String> accepted = admin().postForEntity("/api/v1/customers/" + customerId + "/erase",
                json(Map.of("reason", "GDPR Art. 17 request", "reference", "ticket-" + tag)), String.class);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode request = JSON.readTree(accepted.getBody());
        String requestId = request.get("requestId").asText();
        assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/erasures/" + requestId);
        assertThat(request.get("customerId").asText()).isEqualTo(customerId);
        assertThat(request.get("requestedBy").asText()).isEqualTo(ADMIN);
        assertThat(request.get("erasedRows").get("source_record").asInt()).isEqualTo(3);
        assertThat(request.get("erasedRows").get("golden_record").asInt()).isEqualTo(1);
        assertThat(request.findValuesAsText("store")).containsExactlyInAnyOrder("erp", "salesforce");
        assertThat(traces(family, email, handle)).as("nothing of the person is left in the hub").isEmpty();
        assertThat(viewer().getForEntity("/api/v1/customers/" + customerId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                JSON.readTree(viewer().getForObject("/api/v1/erasures/" + requestId, String.class)),
                erasure -> erasure.get("status").asText().equals("DONE"));
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(store(done, "salesforce").get("status").asText()).isEqualTo("DONE");
        assertThat(store(done, "salesforce").get("attempts").asInt()).as("tried while down, then again")
                .isGreaterThan(1);
        assertThat(store(done, "erp").get("status").asText()).isEqualTo("DONE");
        assertThat(sandbox.record("Contact", contactId)).as("the Contact is deleted in Salesforce").isEmpty();
        assertThat(erpDb.queryForMap("SELECT first_name, last_name, email, phone, blocked FROM bp_partner"
                + " WHERE partner_no = ?", partnerNo)).as("the ERP partner is anonymized (the shipped policy)")
                .containsValues(null, true).doesNotContainValue(family).doesNotContainValue(email);
        assertThat(erpDb.queryForObject("SELECT COUNT(*) FROM bp_address WHERE partner_no = ?", Integer.class,
                partnerNo)).isZero();

        // asking again answers the same request
        ResponseEntity<String> again = admin().postForEntity("/api/v1/customers/" + customerId + "/erase", null,
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(again.getBody()).get("requestId").asText()).isEqualTo(requestId);

        // late deliveries: the ERP's change for the anonymization (read back by the ERP intake), the old Contact
        // re-sent as an in-flight change would be, the CRM file imported again
        long droppedBefore = dropped();
        assertThat(admin().postForEntity("/api/v1/customers/records?source=salesforce", json(Map.of(
                "source_id", contactId, "given_name", "Ingrid", "family_name", family, "email", email)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        importCsv(crm, "source_id,given_name,family_name,email,social_handle\n1,Ingrid," + family + "," + email
                + ",@" + handle + "\n");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> dropped() >= droppedBefore + 2);
        awaitIdle();
        assertThat(traces(family, email, handle)).as("the person did not come back").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_record WHERE record_key IN (?, ?, ?)",
                Integer.class, "erp:" + partnerNo, "salesforce:" + contactId, crm + ":1")).isZero();
        assertThat(contact(family)).as("nor was the Contact written again").isNull();
    }

    /** Every text column of every hub table that holds one of the values: table.column, per hit. */
    private List<String> traces(String... values) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name FROM"
                + " information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND (LOWER(data_type) LIKE"
                + " 'character%' OR LOWER(data_type) = 'text')");
        for (Map<String, Object> column : columns) {
            String table = column.get("table_name").toString();
            String name = column.get("column_name").toString();
            for (String value : values) {
                Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\" WHERE LOWER(\""
                        + name + "\") LIKE ?", Integer.class, "%" + value.toLowerCase() + "%");
                if (found != null && found > 0) {
                    hits.add(table + "." + name);
                }
            }
        }
        return hits;
    }

    private JsonNode contact(String family) throws Exception {
        String body = camel.createProducerTemplate().requestBody("salesforce:query?rawPayload=true&sObjectQuery="
                + "SELECT Id, LastName FROM Contact WHERE LastName = '" + family + "'", null, String.class);
        JsonNode records = JSON.readTree(body).get("records");
        return records.isEmpty() ? null : records.get(0);
    }

    private long dropped() {
        Long dropped = jdbc.queryForObject("SELECT COALESCE(SUM(dropped), 0) FROM erasure_suppression", Long.class);
        return dropped == null ? 0 : dropped;
    }

    private String customerOf(String recordKey) {
        return jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?", String.class,
                recordKey);
    }

    private static JsonNode store(JsonNode erasure, String store) {
        for (JsonNode result : erasure.get("stores")) {
            if (result.get("store").asText().equals(store)) {
                return result;
            }
        }
        throw new AssertionError("no " + store + " in " + erasure);
    }

    private static HttpEntity<String> json(Map<String, String> body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(JSON.writeValueAsString(body), headers);
    }
}
