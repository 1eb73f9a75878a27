package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged hub in the middle of a sync run, then a restart: every customer reaches both stores once.
 * The embedded ERP (an H2 file under the hub's data directory, which survives the kill as an on-premise database
 * would) is seeded with business partners that must reach Salesforce; Salesforce (the sandbox, here in the test's own
 * JVM so that it outlives the hub, as the cloud does) holds Contacts that must reach the ERP. Counted in the stores
 * themselves: no Salesforce record and no ERP row written twice for one customer, none missing, one golden record
 * per customer.
 */
class SyncCrashIT {

    private static final int ERP_PARTNERS = 3_000;
    private static final int SALESFORCE_CONTACTS = 400;
    private static final String CUSTOMER_KEY = "Rapport_Id__c";

    private SalesforceSandbox salesforce;
    private HubProcess hub;

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    @Test
    void aKillDuringASyncRunLeavesEveryCustomerInEveryStoreOnce() throws Exception {
        SalesforceSandbox.Config login = SalesforceSandbox.Config.defaults();
        salesforce = SalesforceSandbox.start(login, 0);
        for (int i = 1; i <= SALESFORCE_CONTACTS; i++) {
            salesforce.insert("Contact", Map.of("FirstName", "Sol", "LastName", CrashRecoveryIT.unlikeName(i),
                    "Email", "sol." + i + "@crm.example.com", "Phone", "+4670" + (1_000_000 + i)));
        }
        hub = new HubProcess("crash-sync", List.of(
                "--rapport.sync.enabled=true",
                "--rapport.sync.batch-size=100", // many small passes, so that the kill lands inside the run
                "--rapport.sync.erp.seed-customers=" + ERP_PARTNERS,
                "--rapport.sync.salesforce.sandbox=false",
                "--rapport.sync.salesforce.login-url=" + salesforce.baseUrl(),
                "--rapport.sync.salesforce.client-id=" + login.clientId(),
                "--rapport.sync.salesforce.client-secret=" + login.clientSecret(),
                "--rapport.sync.salesforce.username=" + login.username(),
                "--rapport.sync.salesforce.password=" + login.password(),
                "--rapport.social.sandbox.posts-per-minute=0"));
        hub.start();

        HubProcess.await("the sync run under way", Duration.ofMinutes(4), () -> writtenToSalesforce() >= ERP_PARTNERS / 5);
        hub.kill();
        long salesforceWritesBeforeKill = writtenToSalesforce();
        assertThat(salesforceWritesBeforeKill).as("the kill must land inside the sync run").isLessThan(ERP_PARTNERS);

        hub.start();
        long[] settled = {-1};
        HubProcess.await("every store consistent after the restart", Duration.ofMinutes(6), () -> {
            JsonNode report = hub.getJson("/api/v1/consistency/report");
            long written = writtenToSalesforce();
            boolean quiet = hub.pipelineStatus().get("idle").asBoolean() && report.get("outboxBacklog").asLong() == 0
                    && written == settled[0];
            settled[0] = written;
            if (!quiet) {
                Thread.sleep(2_000); // quiet means: nothing moved between two looks 2 s apart
            }
            return quiet;
        });
        hub.stop();

        List<Map<String, Object>> salesforceRecords = customerRecordsInSalesforce();
        Map<String, Long> salesforceCopies = copiesPerCustomer(salesforceRecords.stream()
                .map(record -> (String) record.get(CUSTOMER_KEY)).toList());
        List<Map<String, String>> erpRows = erpPartners();
        Map<String, Long> erpCopies = copiesPerCustomer(erpRows.stream().map(row -> row.get("ext_ref")).toList());

        Map<String, Set<String>> membersBySource = new HashMap<>();
        Map<String, Set<String>> sourcesByCustomer = new HashMap<>();
        try (Connection db = hub.connection(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT source, source_id, customer_id FROM customer_record"
                     + " WHERE source IN ('erp', 'salesforce')")) {
            while (rs.next()) {
                membersBySource.computeIfAbsent(rs.getString(1), s -> new HashSet<>()).add(rs.getString(2));
                sourcesByCustomer.computeIfAbsent(rs.getString(3), c -> new HashSet<>()).add(rs.getString(1));
            }
        }
        Set<String> customers = sourcesByCustomer.keySet();
        Set<String> golden = new HashSet<>(hub.column("SELECT customer_id FROM golden_record"));
        Set<String> anyMembers = new HashSet<>(hub.column("SELECT DISTINCT customer_id FROM customer_record"));
        long goldenRecords = golden.size();
        long orphanGoldenRecords = golden.stream().filter(id -> !anyMembers.contains(id)).count();
        long duplicatedCrmWrites = duplicates(salesforceCopies);
        long duplicatedErpWrites = duplicates(erpCopies);
        // A customer is in a store when the store holds a record the hub wrote for it or one the hub read from it;
        // a store that refused the customer's record with a reason (sync_rejection) accounts for it too.
        Set<String> refusedBySalesforce = new HashSet<>(hub.column(
                "SELECT customer_id FROM sync_rejection WHERE store = 'salesforce'"));
        Set<String> refusedByErp = new HashSet<>(hub.column("SELECT customer_id FROM sync_rejection WHERE store = 'erp'"));
        long customersMissingInSalesforce = customers.stream().filter(id -> !salesforceCopies.containsKey(id)
                && !sourcesByCustomer.get(id).contains("salesforce") && !refusedBySalesforce.contains(id)).count();
        long customersMissingInErp = customers.stream().filter(id -> !erpCopies.containsKey(id)
                && !sourcesByCustomer.get(id).contains("erp") && !refusedByErp.contains(id)).count();
        // a store record is in the hub when the hub read it, or wrote it for a customer it has
        long erpRowsNotInHub = erpRows.stream()
                .filter(row -> !membersBySource.getOrDefault("erp", Set.of()).contains(row.get("partner_no"))
                        && !customers.contains(row.get("ext_ref"))).count();
        long salesforceRecordsNotInHub = salesforceRecords.stream()
                .filter(record -> !membersBySource.getOrDefault("salesforce", Set.of()).contains(record.get("Id"))
                        && !customers.contains(record.get(CUSTOMER_KEY))).count();
        new CrashReport("sync-kill-during-run").put("erpPartners", ERP_PARTNERS)
                .put("salesforceContacts", SALESFORCE_CONTACTS).put("customers", customers.size())
                .put("salesforceWritesBeforeKill", salesforceWritesBeforeKill)
                .put("salesforceRecords", salesforceRecords.size())
                .put("refusedWithReason", refusedBySalesforce.size() + refusedByErp.size()).put("erpRows", erpRows.size())
                .put("lost", customersMissingInSalesforce + customersMissingInErp + erpRowsNotInHub
                        + salesforceRecordsNotInHub)
                .put("duplicated", duplicatedCrmWrites + duplicatedErpWrites + (goldenRecords - customers.size())
                        + orphanGoldenRecords)
                .put("duplicatedCrmWrites", duplicatedCrmWrites).put("duplicatedErpWrites", duplicatedErpWrites)
                .write();

        assertThat(duplicatedCrmWrites).as("Salesforce records written twice for one customer").isZero();
        assertThat(duplicatedErpWrites).as("ERP rows written twice for one customer").isZero();
        assertThat(customersMissingInSalesforce).as("customers the hub never wrote to Salesforce").isZero();
        assertThat(customersMissingInErp).as("customers the hub never wrote to the ERP").isZero();
        assertThat(erpRows).as("every Salesforce Contact reached the ERP").hasSize(ERP_PARTNERS + SALESFORCE_CONTACTS);
        assertThat(erpRowsNotInHub).as("ERP rows the hub never read").isZero();
        assertThat(salesforceRecordsNotInHub).as("Salesforce records the hub never read").isZero();
        assertThat(goldenRecords).as("one golden record per customer").isEqualTo(customers.size());
        assertThat(orphanGoldenRecords).isZero();
    }

    /** Salesforce records that carry the hub's customer id: the ones its sync wrote. */
    private long writtenToSalesforce() {
        return customerRecordsInSalesforce().stream().filter(record -> record.get(CUSTOMER_KEY) != null).count();
    }

    /** The Contacts and Accounts: the objects the shipped mapping syncs customers to. */
    private List<Map<String, Object>> customerRecordsInSalesforce() {
        return Stream.concat(salesforce.records("Contact").stream(), salesforce.records("Account").stream()).toList();
    }

    /** Read after the hub stopped: the embedded ERP is an H2 file that only one process opens. */
    private List<Map<String, String>> erpPartners() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection erp = DriverManager.getConnection("jdbc:h2:file:" + hub.dataDir().resolve("erp/erp"), "sa", "");
             Statement query = erp.createStatement();
             ResultSet rs = query.executeQuery("SELECT partner_no, ext_ref FROM bp_partner")) {
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                row.put("partner_no", rs.getString(1));
                row.put("ext_ref", rs.getString(2));
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Long> copiesPerCustomer(List<String> customerIds) {
        return customerIds.stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long duplicates(Map<String, Long> copies) {
        return copies.values().stream().mapToLong(n -> n - 1).sum();
    }

}
