package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub keeps Salesforce consistent with the ERP: a business partner entered in the ERP database reaches the
 * Salesforce sandbox through the real Camel Salesforce component, without its national id, and nothing comes back
 * to the ERP; a Salesforce outage delays a change but loses nothing. An edit made in Salesforce comes back through
 * Change Data Capture (or polling) and reaches the ERP when Salesforce owns the field, and is undone when it does not.
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
        ErpPerson person = enterErpPerson("Sandvik", "Ingrid", Map.of("national_id", "19800101-1234",
                "email", "ingrid@example.se", "credit_limit", new BigDecimal("2500.00")));
        enterBillAddress(person, "Storgatan", "12A", "11122", "Stockholm");
        String family = person.family();
        String partnerNo = person.partnerNo();
        JdbcTemplate erpDb = erpDb();

        JsonNode contact = awaitContact(family);

        String customerId = customerOf("erp:" + partnerNo);
        assertThat(contact.get("Rapport_Id__c").asText()).isEqualTo(customerId);
        assertThat(contact.get("FirstName").asText()).isEqualTo("Ingrid");
        assertThat(contact.get("MailingStreet").asText()).isEqualTo("Storgatan 12A");
        assertThat(contact.get("MailingCity").asText()).isEqualTo("Stockholm");
        assertThat(new BigDecimal(contact.get("Credit_Limit__c").asText())).isEqualByComparingTo("2500");
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
                assertThat(new BigDecimal(contact(family).get("Credit_Limit__c").asText())).isEqualByComparingTo("3000"));
        JsonNode report = JSON.readTree(viewer().getForObject("/api/v1/consistency/report", String.class));
        assertThat(report.get("enabled").asBoolean()).isTrue();
        assertThat(report.get("conflictsLogged").asLong()).isZero();
    }

    @Test
    void aSalesforceUsersEditReachesTheErpWhenSalesforceOwnsTheFieldAndIsUndoneWhenItDoesNot() throws Exception {
        ErpPerson person = enterErpPerson("Lindqvist", "Maja", Map.of("email", "maja@example.se",
                "phone", "+46701234567", "birth_date", LocalDate.of(1985, 3, 4)));
        enterBillAddress(person, "Kungsgatan", "3", "41119", "Göteborg");
        String family = person.family();
        String partnerNo = person.partnerNo();
        JdbcTemplate erpDb = erpDb();
        String contactId = awaitContact(family).get("Id").asText();

        // a Salesforce user (not the hub's API client) changes the email, which Salesforce owns, and the city,
        // which the ERP owns
        sandbox.update("Contact", contactId, Map.of("Email", "maja.lindqvist@example.se",
                "MailingCity", "Malmö"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(erpDb.queryForObject("SELECT email FROM bp_partner WHERE partner_no = ?", String.class,
                    partnerNo)).isEqualTo("maja.lindqvist@example.se");
            assertThat(contact(family).get("MailingCity").asText()).isEqualTo("Göteborg");
        });
        assertThat(erpDb.queryForObject("SELECT city FROM bp_address WHERE partner_no = ? AND address_type = 'BILL'",
                String.class, partnerNo)).isEqualTo("Göteborg");
        String customerId = customerOf("erp:" + partnerNo);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_conflict WHERE customer_id = ? AND field_name ="
                + " 'locality' AND reason = 'NOT_OWNER'", Long.class, customerId)).isEqualTo(1);
        assertThat(customerOf("salesforce:" + contactId)).as("the Contact is a member of the same customer")
                .isEqualTo(customerId);

        // the hub's writes in both stores come back as changes and are recognized: nothing more happens
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long before = sandbox.apiCalls();
            Thread.sleep(1_500);
            return sandbox.apiCalls() == before;
        });
        String erpVersion = erpDb.queryForMap("SELECT row_version, changed_at FROM bp_partner WHERE partner_no = ?",
                partnerNo).toString();
        Thread.sleep(1_500);
        assertThat(erpDb.queryForMap("SELECT row_version, changed_at FROM bp_partner WHERE partner_no = ?",
                partnerNo).toString()).isEqualTo(erpVersion);
    }

    @Test
    void aSubscriptionThatStopsReceivingIsNoticedWhenTheHubsOwnWriteDoesNotComeBackAndNoEditIsLost() throws Exception {
        ErpPerson person = enterErpPerson("Ek", "Nils", Map.of("email", "nils@example.se"));
        String family = person.family();
        String partnerNo = person.partnerNo();
        JdbcTemplate erpDb = erpDb();
        String contactId = awaitContact(family).get("Id").asText();

        // the subscription stops receiving and nothing tells the hub; a Salesforce user edits the email (Salesforce
        // owns it), and an ERP change makes the hub write to Salesforce, whose echo does not come back either
        sandbox.muteStreamingSubscriptions();
        sandbox.update("Contact", contactId, Map.of("Email", "nils.ek@example.se"));
        erpDb.update("UPDATE bp_partner SET credit_limit = 4000.00, changed_at = ?, changed_by = 'ERPUSER'"
                + " WHERE partner_no = ?", LocalDateTime.now(), partnerNo);

        // the hub subscribes again (echo timeout 10 s here) and the edit arrives by replay or the catch-up poll
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(erpDb.queryForObject("SELECT email FROM bp_partner WHERE partner_no = ?", String.class,
                        partnerNo)).isEqualTo("nils.ek@example.se"));
        assertThat(new BigDecimal(contact(family).get("Credit_Limit__c").asText()))
                .isEqualByComparingTo("4000");
        // and later edits come through the new subscription
        sandbox.update("Contact", contactId, Map.of("Email", "nils@ek.example"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(erpDb.queryForObject("SELECT email FROM bp_partner WHERE partner_no = ?", String.class,
                        partnerNo)).isEqualTo("nils@ek.example"));
    }

    @Test
    void whatTheErpSaysACustomerOwesAndLastOrderedReachesSalesforceAndFollowsAPayment() throws Exception {
        ErpPerson person = enterErpPerson("Hedlund", "Sara", Map.of("currency", "SEK"));
        String family = person.family();
        String partnerNo = person.partnerNo();
        long invoiceNo = 9_100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000_000L);
        JdbcTemplate erpDb = erpDb();
        LocalDateTime now = LocalDateTime.now();
        erpDb.update("INSERT INTO sales_order (order_no, partner_no, order_date, status, currency, net_amount,"
                + " created_at) VALUES (?, ?, DATE '2026-11-02', 'DELIVERED', 'SEK', 1000.00, ?)",
                invoiceNo - 4_000_000_000L, partnerNo, now);
        erpDb.update("INSERT INTO invoice (invoice_no, partner_no, invoice_date, due_date, currency, net_amount,"
                + " tax_amount, gross_amount, paid_amount, status) VALUES (?, ?, DATE '2026-11-03', DATE '2026-12-03',"
                + " 'SEK', 1000.00, 250.00, 1250.00, 0, 'OPEN')", invoiceNo, partnerNo);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> {
                    JsonNode contact = contact(family);
                    assertThat(new BigDecimal(contact.get("Open_Balance__c").asText()))
                            .isEqualByComparingTo("1250");
                    assertThat(contact.get("Last_Order_Date__c").asText()).isEqualTo("2026-11-02");
                });

        // the customer pays: only the invoice changes, and Salesforce follows
        erpDb.update("UPDATE invoice SET paid_amount = 1250.00, status = 'PAID' WHERE invoice_no = ?", invoiceNo);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> assertThat(new BigDecimal(contact(family).get("Open_Balance__c")
                        .asText())).isZero());
        assertThat(erpDb.queryForObject("SELECT changed_by FROM bp_partner WHERE partner_no = ?", String.class,
                partnerNo)).as("nothing written back to the ERP").isEqualTo("ERPUSER");
    }

    @Test
    void casesAndTasksShowWithTheCustomerTheyAreAboutAndFollowEveryChangeInSalesforce() throws Exception {
        ErpPerson person = enterErpPerson("Forsberg", "Eva", Map.of());
        String contactId = awaitContact(person.family()).get("Id").asText();
        String customerId = customerOf("erp:" + person.partnerNo());

        // service opens a Case on the Contact the hub wrote, and a follow-up Task
        String aCase = sandbox.insert("Case", Map.of("Subject", "Delivery is late", "Status", "New",
                "Priority", "High", "Origin", "Web", "ContactId", contactId));
        String task = sandbox.insert("Task", Map.of("Subject", "Call Eva back", "Status", "Not Started",
                "ActivityDate", "2026-12-01", "WhoId", contactId));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode activities = activities(customerId);
            assertThat(activities.findValuesAsText("activityKey"))
                    .containsExactlyInAnyOrder("salesforce:" + aCase, "salesforce:" + task);
        });
        JsonNode opened = activity(customerId, "salesforce:" + aCase);
        assertThat(opened.get("kind").asText()).isEqualTo("CASE");
        assertThat(opened.get("subject").asText()).isEqualTo("Delivery is late");
        assertThat(opened.get("channel").asText()).isEqualTo("Web");
        assertThat(opened.get("closed").asBoolean()).isFalse();
        assertThat(activity(customerId, "salesforce:" + task).get("dueDate").asText()).isEqualTo("2026-12-01");

        // the Case is closed and the Task deleted in Salesforce
        sandbox.update("Case", aCase, Map.of("Status", "Closed"));
        sandbox.delete("Task", task);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(activities(customerId).findValuesAsText("activityKey")).containsExactly("salesforce:" + aCase);
            assertThat(activity(customerId, "salesforce:" + aCase).get("closed").asBoolean()).isTrue();
        });
    }

    private JsonNode activities(String customerId) throws Exception {
        return JSON.readTree(viewer().getForObject("/api/v1/customers/" + customerId, String.class)).get("activities");
    }

    private JsonNode activity(String customerId, String key) throws Exception {
        for (JsonNode activity : activities(customerId)) {
            if (activity.get("activityKey").asText().equals(key)) {
                return activity;
            }
        }
        throw new AssertionError("no activity " + key + " with customer " + customerId);
    }

    @Test
    void aSalesforceLeadJoinsTheCustomerItMatchesButIsNeitherWrittenNorSyncedToTheErp() throws Exception {
        String email = unique("karin") + "@example.se";
        ErpPerson person = enterErpPerson("Lundgren", "Karin", Map.of("email", email, "phone", "+46701112233"));
        String family = person.family();
        String partnerNo = person.partnerNo();
        JdbcTemplate erpDb = erpDb();
        awaitContact(family);
        String customerId = customerOf("erp:" + partnerNo);

        // sales enters the same person as a Lead, with another phone, and a prospect nobody else knows
        String lead = sandbox.insert("Lead", Map.of("FirstName", "Karin", "LastName", family,
                "Company", "Lundgren Bygg AB", "Email", email, "Phone", "+46709998877", "Status", "Open"));
        String prospectFamily = unique("Prospect");
        String prospect = sandbox.insert("Lead", Map.of("FirstName", "Olle", "LastName", prospectFamily,
                "Company", "Olles Café", "Status", "Open"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("SELECT customer_id FROM customer_record WHERE record_key = ?", String.class,
                    "salesforce:" + lead)).containsExactly(customerId);
            assertThat(jdbc.queryForList("SELECT customer_id FROM customer_record WHERE record_key = ?", String.class,
                    "salesforce:" + prospect)).hasSize(1);
        });
        Thread.sleep(2_000);
        assertThat(erpDb.queryForObject("SELECT phone FROM bp_partner WHERE partner_no = ?", String.class, partnerNo))
                .as("a Lead's phone is not the customer's CRM copy").isEqualTo("+46701112233");
        assertThat(erpDb.queryForObject("SELECT COUNT(*) FROM bp_partner WHERE last_name = ?", Integer.class,
                prospectFamily)).as("a prospect is no ERP customer").isZero();
        assertThat(sandbox.record("Lead", lead).orElseThrow()).doesNotContainKey("Rapport_Id__c");
        assertThat(contact(prospectFamily)).as("nor does it become a Contact").isNull();
    }

    @Test
    void aContactDeletedInSalesforceIsFlaggedAsTheShippedPolicySaysAndTheErpPartnerIsKept() throws Exception {
        ErpPerson person = enterErpPerson("Dahl", "Elin", Map.of());
        String partnerNo = person.partnerNo();
        String contactId = awaitContact(person.family()).get("Id").asText();
        String customerId = customerOf("erp:" + partnerNo);

        sandbox.delete("Contact", contactId);

        // the deletion arrives as a Change Data Capture event and is recorded against the customer (onDelete: FLAG)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.queryForList("SELECT customer_id, action FROM sync_deletion WHERE store = 'salesforce'"
                        + " AND store_key = ?", contactId)).singleElement().satisfies(row -> {
                            // column names as any database spells them: Spring's row maps ignore case
                            assertThat(row.get("customer_id")).isEqualTo(customerId);
                            assertThat(row.get("action")).isEqualTo("FLAGGED");
                        }));
        assertThat(erpDb().queryForMap("SELECT blocked, changed_by FROM bp_partner WHERE partner_no = ?", partnerNo))
                .containsValues(false, "ERPUSER");
        JsonNode report = JSON.readTree(viewer().getForObject("/api/v1/consistency/report", String.class));
        assertThat(report.path("deletions").path("FLAGGED").asLong()).isPositive();
    }

    @Test
    void reconciliationFindsChangesTheHubNeverHeardOfAndHealsThemAsThePolicySays() throws Exception {
        ErpPerson person = enterErpPerson("Nyberg", "Sven", Map.of("email", "sven@example.se",
                "credit_limit", new BigDecimal("1000.00")));
        String family = person.family();
        String partnerNo = person.partnerNo();
        JdbcTemplate erpDb = erpDb();
        JsonNode contact = awaitContact(family);
        String customerId = customerOf("erp:" + partnerNo);
        // sales sets the phone in Salesforce, which owns it
        sandbox.update("Contact", contact.get("Id").asText(), Map.of("Phone", "+46705550101"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> "+46705550101"
                .equals(erpDb.queryForObject("SELECT phone FROM bp_partner WHERE partner_no = ?", String.class,
                        partnerNo)));

        // changed behind the hub's back: the change-table rows go in the same transaction, as when a bulk load
        // runs with triggers off. The ERP owns the credit limit; Salesforce owns the phone.
        new TransactionTemplate(new DataSourceTransactionManager(erp.dataSource())).executeWithoutResult(tx -> {
            erpDb.update("UPDATE bp_partner SET credit_limit = 7000.00, phone = '+46700000000', changed_at = ?"
                    + " WHERE partner_no = ?", LocalDateTime.now(), partnerNo);
            erpDb.update("DELETE FROM rapport_change WHERE entity_key = ?", partnerNo);
        });

        assertThat(viewer().postForEntity("/api/v1/consistency/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode found = JSON.readTree(admin().postForObject("/api/v1/consistency/reconcile", null, String.class));
        assertThat(found.get("heal").asBoolean()).isFalse();
        assertThat(drift(found, customerId, "erp")).containsExactly("credit_limit", "phone");
        assertThat(drift(found, customerId, "salesforce")).isEmpty();
        assertThat(found.toString()).doesNotContain("+46700000000").doesNotContain("7000");
        assertThat(store(found, "erp").get("drifted").asLong()).isPositive();
        assertThat(store(found, "erp").get("healed").asLong()).isZero();

        JsonNode healed = JSON.readTree(admin().postForObject("/api/v1/consistency/reconcile?heal=true", null,
                String.class));
        assertThat(store(healed, "erp").get("healed").asLong()).isPositive();
        // the owner's credit limit becomes golden and reaches Salesforce; the phone gets Salesforce's value back
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(new BigDecimal(contact(family).get("Credit_Limit__c").asText()))
                    .isEqualByComparingTo("7000");
            assertThat(erpDb.queryForObject("SELECT phone FROM bp_partner WHERE partner_no = ?", String.class,
                    partnerNo)).isEqualTo("+46705550101");
        });
        assertThat(contact(family).get("Phone").asText()).isEqualTo("+46705550101");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_conflict WHERE customer_id = ? AND field_name ="
                + " 'phone' AND reason = 'NOT_OWNER'", Long.class, customerId)).isEqualTo(1);

        JsonNode after = JSON.readTree(admin().postForObject("/api/v1/consistency/reconcile", null, String.class));
        assertThat(drift(after, customerId, "erp")).isEmpty();
        assertThat(drift(after, customerId, "salesforce")).isEmpty();
        JsonNode report = JSON.readTree(viewer().getForObject("/api/v1/consistency/report", String.class));
        assertThat(report.get("reconciliation").get("runId").asText()).isEqualTo(after.get("runId").asText());
    }

    /** The fields listed as drifted for the customer in the store. */
    private static java.util.List<String> drift(JsonNode report, String customerId, String store) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        report.get("drifted").forEach(drift -> {
            if (drift.get("customerId").asText().equals(customerId) && drift.get("store").asText().equals(store)) {
                drift.get("fields").forEach(field -> fields.add(field.asText()));
            }
        });
        return fields;
    }

    private static JsonNode store(JsonNode report, String store) {
        for (JsonNode result : report.get("stores")) {
            if (result.get("store").asText().equals(store)) {
                return result;
            }
        }
        throw new AssertionError("no " + store + " in " + report);
    }

    /** A person an ERP user entered: a partner number and family name of its own, so tests never meet. */
    private record ErpPerson(String partnerNo, String family) {
    }

    private ErpPerson enterErpPerson(String familyPrefix, String firstName, Map<String, Object> columns) {
        ErpPerson person = new ErpPerson(unique("IT"), unique(familyPrefix));
        LocalDateTime now = LocalDateTime.now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("partner_no", person.partnerNo());
        row.put("kind", "PERSON");
        row.put("first_name", firstName);
        row.put("last_name", person.family());
        row.putAll(columns);
        row.put("created_at", now);
        row.put("changed_at", now);
        row.put("changed_by", "ERPUSER");
        erpDb().update("INSERT INTO bp_partner (" + String.join(", ", row.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(row.size(), "?")) + ")", row.values().toArray());
        return person;
    }

    private void enterBillAddress(ErpPerson person, String street, String houseNo, String postcode, String city) {
        erpDb().update("INSERT INTO bp_address (partner_no, address_type, street, house_no, postcode, city, country,"
                + " changed_at, changed_by) VALUES (?, 'BILL', ?, ?, ?, ?, 'SE', ?, 'ERPUSER')", person.partnerNo(),
                street, houseNo, postcode, city, LocalDateTime.now());
    }

    private JdbcTemplate erpDb() {
        return new JdbcTemplate(erp.dataSource());
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, prefix.equals("IT") ? 8 : 6);
    }

    /** The Contact the hub writes for a person, once it is there. */
    private JsonNode awaitContact(String family) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> contact(family), found -> found != null);
    }

    private String customerOf(String recordKey) {
        return jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?", String.class,
                recordKey);
    }

    private JsonNode contact(String family) throws Exception {
        String body = camel.createProducerTemplate().requestBody("salesforce:query?rawPayload=true&sObjectQuery="
                + "SELECT Id, Email, Phone, FirstName, LastName, MailingStreet, MailingCity, Credit_Limit__c, Rapport_Id__c,"
                + " Birthdate, Tax_Id__c, Open_Balance__c, Last_Order_Date__c FROM Contact WHERE LastName = '" + family
                + "'", null, String.class);
        JsonNode records = JSON.readTree(body).get("records");
        return records.isEmpty() ? null : records.get(0);
    }
}
