package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound writes through the real Camel Salesforce component against the sandbox, counted by its API counter. */
class SalesforceWriterTest {

    private SalesforceSandbox sandbox;
    private SandboxCamel salesforce;
    private ApiBudget budget;
    private SalesforceWriter writer;

    @BeforeEach
    void start() throws Exception {
        salesforce = SandboxCamel.start();
        sandbox = salesforce.sandbox;
        budget = new ApiBudget(100);
        writer = new SalesforceWriter(salesforce.producer(),
                new SalesforceRecordMapper(SalesforceRecordMapperTest.shippedMapping()), budget, 1_000,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void everydayWritesGoInCollectionsOf200AndUpsertingAgainCreatesNothingNew() {
        List<OutboundRecord> records = people(450);

        List<WriteResult> first = writer.upsert("Contact", records);
        List<WriteResult> again = writer.upsert("Contact", records);

        assertThat(first).hasSize(450).allSatisfy(result -> assertThat(result.created()).isTrue());
        assertThat(again).allSatisfy(result -> {
            assertThat(result.succeeded()).isTrue();
            assertThat(result.created()).isFalse();
        });
        assertThat(first.get(7).salesforceId()).isEqualTo(again.get(7).salesforceId());
        assertThat(sandbox.count("Contact")).isEqualTo(450);
        assertThat(sandbox.apiCalls()).as("3 calls of at most 200 records, twice").isEqualTo(6);
        assertThat(budget.remaining()).isEqualTo(sandbox.remainingApiRequests());
    }

    @Test
    void aContactMadeInSalesforceIsWrittenInPlaceAndGetsTheHubsIdInsteadOfASecondContactBesideIt() {
        // Contacts the hub did not create carry no external id yet; the hub knows their Salesforce id from reading them
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(sandbox.insert("Contact", Map.of("FirstName", "Sol", "LastName", "Made" + i)));
        }
        List<OutboundRecord> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(new OutboundRecord("C-sf" + i, made.get(i), Map.of("credit_limit", "700"), Set.of("credit_limit")));
        }
        known.add(new OutboundRecord("C-new", Map.of("given_name", "Bo", "family_name", "Ny"),
                Set.of("given_name", "family_name")));

        List<WriteResult> results = writer.upsert("Contact", known);

        assertThat(results).extracting(WriteResult::customerId).containsExactly("C-sf0", "C-sf1", "C-sf2", "C-new");
        assertThat(results).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(results.subList(0, 3)).extracting(WriteResult::salesforceId).containsExactlyElementsOf(made);
        assertThat(sandbox.count("Contact")).as("three written in place, one created").isEqualTo(4);
        assertThat(sandbox.record("Contact", made.get(1)).orElseThrow())
                .containsEntry("Rapport_Id__c", "C-sf1").containsEntry("LastName", "Made1");
        assertThat(writer.upsert("Contact", known.subList(0, 1))).singleElement()
                .satisfies(again -> assertThat(again.created()).isFalse());
        assertThat(sandbox.count("Contact")).isEqualTo(4);
    }

    @Test
    void contactsMadeInSalesforceAreWrittenInPlaceByABulkJobToo() {
        List<OutboundRecord> known = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = sandbox.insert("Contact", Map.of("LastName", "Made" + i));
            known.add(new OutboundRecord("C-sf" + i, id, Map.of("credit_limit", "700"), Set.of("credit_limit")));
        }

        assertThat(writer.upsert("Contact", known)).hasSize(1_000)
                .allSatisfy(result -> assertThat(result.succeeded()).isTrue());

        assertThat(sandbox.count("Contact")).isEqualTo(1_000);
        assertThat(sandbox.records("Contact")).allSatisfy(record -> assertThat(record.get("Rapport_Id__c")).isNotNull());
    }

    @Test
    void anInitialLoadGoesThroughOneBulkJobInAHandfulOfCalls() {
        List<WriteResult> results = writer.upsert("Contact", people(5_000));

        assertThat(results).hasSize(5_000).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(sandbox.count("Contact")).isEqualTo(5_000);
        assertThat(sandbox.apiCalls()).as("create, upload, close, status polls, results").isLessThanOrEqualTo(12);
    }

    @Test
    void aRecordSalesforceRejectsFailsAloneWithItsReason() {
        List<OutboundRecord> records = new ArrayList<>(people(3));
        records.set(1, new OutboundRecord("C-nameless", Map.of("given_name", "Anna"), Set.of("given_name")));

        List<WriteResult> results = writer.upsert("Contact", records);

        assertThat(results.get(1).errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(0).succeeded()).isTrue();
        assertThat(results.get(2).succeeded()).isTrue();
    }

    @Test
    void anOutageIsReportedAsUnavailableSoTheCallerKeepsTheChanges() {
        sandbox.failNext(1, 503);

        assertThatThrownBy(() -> writer.upsert("Contact", people(2)))
                .isInstanceOf(SalesforceUnavailableException.class)
                .satisfies(e -> assertThat(((SalesforceUnavailableException) e).statusCode()).isEqualTo(503));
        assertThat(writer.upsert("Contact", people(2))).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
    }

    @Test
    void deletingRecordsRemovesThemAndARecordAlreadyGoneCountsAsDeleted() {
        List<WriteResult> written = writer.upsert("Contact", people(3));
        String gone = written.get(0).salesforceId();
        writer.delete(List.of(Map.entry("C0", gone)));
        long calls = sandbox.apiCalls();

        List<WriteResult> deleted = writer.delete(List.of(Map.entry("C0", gone),
                Map.entry("C1", written.get(1).salesforceId())));

        assertThat(deleted).allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(deleted).extracting(WriteResult::customerId).containsExactly("C0", "C1");
        assertThat(sandbox.count("Contact")).isEqualTo(1);
        assertThat(sandbox.record("Contact", written.get(2).salesforceId())).isPresent();
        assertThat(sandbox.apiCalls() - calls).as("one sObject Collections call").isEqualTo(1);
    }

    private static List<OutboundRecord> people(int count) {
        List<OutboundRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, String> desired = Map.of("given_name", "Anna", "family_name", "Berg" + i,
                    "street", "Storgatan", "street_number", Integer.toString(i), "credit_limit", "5000");
            records.add(new OutboundRecord("C" + i, desired, desired.keySet()));
        }
        return records;
    }
}
