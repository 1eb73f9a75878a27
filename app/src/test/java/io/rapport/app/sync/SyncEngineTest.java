package io.rapport.app.sync;

import java.util.function.Consumer;
import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.party.PartyType;
import io.rapport.core.sync.ConflictRule;
import io.rapport.core.sync.DeletePolicy;
import io.rapport.core.sync.FieldPolicy;
import io.rapport.core.sync.Residency;
import io.rapport.core.sync.StoreLocation;
import io.rapport.core.sync.StorePolicy;
import io.rapport.core.sync.SyncMerger;
import io.rapport.core.sync.SyncPolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sync engine over the hub's real schema (H2, Flyway): members the intake stored are applied per customer and
 * what each store lacks is written to it; stores are in-memory here, as the engine sees them through its port.
 */
class SyncEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final SyncPolicy policy = policy(DeletePolicy.FLAG);
    private JdbcTemplate jdbc;
    private InMemoryStore erp;
    private InMemoryStore salesforce;
    private SyncEngine engine;
    private SyncOutbox outbox;
    private StoreDeletions deletions;
    private DataSource dataSource;

    private static SyncPolicy policy(DeletePolicy onDelete) {
        return new SyncPolicy(
                Map.of("erp", new StorePolicy(StoreLocation.ON_PREMISE), "salesforce", new StorePolicy(StoreLocation.CLOUD)),
                Map.of("family_name", new FieldPolicy(null, ConflictRule.LATEST_WINS, null, null),
                        "email", new FieldPolicy("salesforce", null, null, null),
                        "credit_limit", new FieldPolicy("erp", null, null, null),
                        "national_id", new FieldPolicy("erp", null, Residency.ON_PREMISE_ONLY, null)),
                null, onDelete);
    }

    @BeforeEach
    void schema() {
        String url = "jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        dataSource = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        erp = new InMemoryStore("erp", Set.of("family_name", "email", "credit_limit", "national_id"), "ext_ref");
        salesforce = new InMemoryStore("salesforce", Set.of("family_name", "email", "credit_limit"), "rapport_id");
        outbox = new SyncOutbox(jdbc);
        engineWith(policy);
    }

    private void engineWith(SyncPolicy syncPolicy) {
        SyncStateRepository states = new SyncStateRepository(jdbc, JSON);
        deletions = new StoreDeletions(syncPolicy.onDelete(), states, outbox, jdbc);
        engine = new SyncEngine(new SyncMerger(syncPolicy), List.of(erp, salesforce), states,
                new ConflictLog(jdbc), new RejectionLog(jdbc), deletions, jdbc, JSON,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private ConsistencyReporter reporter() {
        return new ConsistencyReporter(new SyncMerger(policy), List.of(erp, salesforce),
                new SyncStateRepository(jdbc, JSON), outbox, new ConflictLog(jdbc), new RejectionLog(jdbc), deletions,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void underPropagateARecordDeletedInOneStoreIsDeletedInTheOthersOnceTheyCanTakeItAndNeverWrittenAgain() {
        engineWith(policy(DeletePolicy.PROPAGATE));
        member("C1", "erp", "P100", T0, "family_name", "Berg", "credit_limit", "5000");
        engine.sync(Set.of("C1"));
        assertThat(salesforce.records).containsKey("C1");

        // the partner is deleted in the ERP; Salesforce is down when the sync engine first tries
        assertThat(deletions.deleted("erp", List.of("P100"), T0.plusSeconds(10))).isEqualTo(1);
        assertThat(outbox.next(10).customerIds()).containsExactly("C1");
        salesforce.down = true;
        SyncEngine.Outcome down = engine.sync(Set.of("C1"));

        assertThat(down.unavailableStores()).containsExactly("salesforce");
        assertThat(salesforce.records).containsKey("C1");
        assertThat(reporter().report().drifted()).singleElement().satisfies(drift -> {
            assertThat(drift.store()).isEqualTo("salesforce");
            assertThat(drift.fields()).containsExactly(ConsistencyReporter.DELETION_PENDING);
        });

        salesforce.down = false;
        SyncEngine.Outcome back = engine.sync(Set.of("C1"));
        outbox.remove(outbox.next(10));

        assertThat(back.deleted()).containsEntry("salesforce", 1);
        assertThat(salesforce.records).doesNotContainKey("C1");
        assertThat(erp.deleted).isEmpty();
        assertThat(jdbc.queryForMap("SELECT customer_id, action, completed_at FROM sync_deletion"
                + " WHERE store = 'erp' AND store_key = 'P100'"))
                .containsEntry("CUSTOMER_ID", "C1").containsEntry("ACTION", "PROPAGATED")
                .satisfies(row -> assertThat(row.get("COMPLETED_AT")).isNotNull());
        ConsistencyReport report = reporter().report();
        assertThat(report.consistent()).isTrue();
        assertThat(report.deletions()).containsEntry("PROPAGATED", 1L);

        // the retired customer's records change again (a late edit in the stores): nothing is written anywhere
        int calls = salesforce.calls + erp.calls;
        member("C1", "erp", "P100", T0.plusSeconds(20), "family_name", "Bergman", "credit_limit", "7000");
        engine.sync(Set.of("C1"));
        assertThat(salesforce.calls + erp.calls).isEqualTo(calls);
        assertThat(salesforce.records).doesNotContainKey("C1");
        // and the same deletion reported again (a replayed change) changes nothing
        assertThat(deletions.deleted("erp", List.of("P100"), T0.plusSeconds(30))).isZero();
    }

    @Test
    void underFlagADeletionIsRecordedForAPersonAndNothingElseIsDeleted() {
        member("C2", "erp", "P200", T0, "family_name", "Ek");
        engine.sync(Set.of("C2"));
        member("C2", "salesforce", "salesforce-C2", T0.plusSeconds(1), "family_name", "Ek", "rapport_id", "C2");
        engine.sync(Set.of("C2"));

        assertThat(deletions.deleted("salesforce", List.of("salesforce-C2"), T0.plusSeconds(10))).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT action FROM sync_deletion WHERE store_key = 'salesforce-C2'",
                String.class)).isEqualTo("FLAGGED");
        assertThat(outbox.size()).isZero();
        engine.sync(Set.of("C2"));
        assertThat(erp.deleted).isEmpty();
        assertThat(erp.records).doesNotContainKey("C2");
        assertThat(reporter().report().deletions()).containsEntry("FLAGGED", 1L);
    }

    @Test
    void deletingASecondRecordOfTheCustomerInTheSameStoreDeletesNothingElse() {
        engineWith(policy(DeletePolicy.PROPAGATE));
        member("C3", "erp", "P300", T0, "family_name", "Holm");
        engine.sync(Set.of("C3"));
        member("C3", "erp", "P301", T0.plusSeconds(5), "family_name", "Holmberg");

        assertThat(deletions.deleted("erp", List.of("P301", "P999"), T0.plusSeconds(10))).isZero();

        assertThat(jdbc.queryForList("SELECT action FROM sync_deletion ORDER BY store_key", String.class))
                .containsExactly("NOT_SYNCED", "NOT_SYNCED");
        engine.sync(Set.of("C3"));
        assertThat(salesforce.records.get("C3")).containsEntry("family_name", "Holm");
    }

    @Test
    void anErpCustomerReachesSalesforceWithoutItsNationalIdAndItsEchoWritesNothing() {
        member("C1", "erp", "P100", T0, "family_name", "Berg", "credit_limit", "5000", "national_id", "19800101-1234");

        SyncEngine.Outcome first = engine.sync(Set.of("C1"));

        assertThat(first.written()).containsEntry("salesforce", 1);
        assertThat(salesforce.records.get("C1")).containsEntry("family_name", "Berg").containsEntry("credit_limit", "5000")
                .doesNotContainKey("national_id");
        assertThat(erp.calls).isZero();

        // Salesforce's copy comes back through the intake: same values, nothing to write anywhere
        member("C1", "salesforce", "003A", T0.plusSeconds(1), "family_name", "Berg", "credit_limit", "5000",
                "rapport_id", "C1");
        SyncEngine.Outcome echo = engine.sync(Set.of("C1"));

        assertThat(echo.written()).isEmpty();
        assertThat(salesforce.calls).isEqualTo(1);
        assertThat(echo.conflicts()).isZero();
    }

    @Test
    void aStoreRecordTheResolutionFiledUnderAnotherCustomerStillSyncsTheCustomerItWasWrittenFor() {
        member("C3", "erp", "P300", T0, "family_name", "Berg", "email", "old@example.com");
        engine.sync(Set.of("C3"));

        // Salesforce's copy, edited there, no longer matches well enough and becomes a customer of its own (C9);
        // its hub id still names C3, and syncing C9 (the customer the change touched) syncs C3
        member("C9", "salesforce", "salesforce-C3", T0.plusSeconds(100), "family_name", "Berg", "email",
                "new@example.com", "rapport_id", "C3");
        SyncEngine.Outcome outcome = engine.sync(Set.of("C9"));

        assertThat(erp.records.get("C3")).containsEntry("email", "new@example.com");
        assertThat(erp.records).doesNotContainKey("C9");
        assertThat(salesforce.records).doesNotContainKey("C9");
        assertThat(outcome.conflicts()).isZero();

        // and syncing C3 itself later still sees that record as its Salesforce copy: nothing more to write
        int erpCalls = erp.calls;
        engine.sync(Set.of("C3"));
        assertThat(erp.calls).isEqualTo(erpCalls);
    }

    @Test
    void conflictingChangesAreSettledByThePolicyLoggedAndSentToTheStoreThatLost() {
        member("C2", "erp", "P200", T0, "family_name", "Berg", "email", "old@example.com");
        engine.sync(Set.of("C2"));
        member("C2", "salesforce", "salesforce-C2", T0.plusSeconds(1), "family_name", "Berg", "email", "old@example.com",
                "rapport_id", "C2");
        engine.sync(Set.of("C2"));

        // both change the email; Salesforce owns it
        member("C2", "erp", "P200", T0.plusSeconds(100), "family_name", "Berg", "email", "erp@example.com");
        member("C2", "salesforce", "salesforce-C2", T0.plusSeconds(50), "family_name", "Berg", "email", "crm@example.com",
                "rapport_id", "C2");
        SyncEngine.Outcome outcome = engine.sync(Set.of("C2"));

        assertThat(outcome.conflicts()).isEqualTo(1);
        assertThat(erp.records.get("C2")).containsEntry("email", "crm@example.com");
        assertThat(jdbc.queryForObject("SELECT outcome FROM sync_conflict WHERE customer_id = 'C2'", String.class))
                .isIn("INCOMING_TAKEN", "AGREED_KEPT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_conflict WHERE customer_id = 'C2' AND field_name = 'email'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aSecondRecordOfTheCustomerInTheSameStoreDoesNotPassForTheOneKeptInSync() {
        member("C9", "erp", "P900", T0, "family_name", "Holm", "email", "holm@example.com");
        engine.sync(Set.of("C9"));
        // resolution files a duplicate ERP partner under the same customer
        member("C9", "erp", "P901", T0.plusSeconds(10), "family_name", "Holmberg", "email", "other@example.com");

        engine.sync(Set.of("C9"));

        assertThat(salesforce.records.get("C9")).containsEntry("family_name", "Holm")
                .containsEntry("email", "holm@example.com");
        assertThat(erp.records).doesNotContainKey("C9");
    }

    @Test
    void aStoreThatIsDownKeepsItsWritesPendingAndGetsThemWhenItIsBack() {
        member("C3", "erp", "P300", T0, "family_name", "Lind");
        salesforce.down = true;

        SyncEngine.Outcome down = engine.sync(Set.of("C3"));

        assertThat(down.unavailableStores()).containsExactly("salesforce");
        assertThat(salesforce.records).doesNotContainKey("C3");

        salesforce.down = false;
        SyncEngine.Outcome back = engine.sync(Set.of("C3"));

        assertThat(back.written()).containsEntry("salesforce", 1);
        assertThat(salesforce.records.get("C3")).containsEntry("family_name", "Lind");
    }

    @Test
    void theReportShowsWhatAStoreLacksUntilItIsWrittenAndThenZeroDrift() {
        ConsistencyReporter reporter = reporter();
        member("C7", "erp", "P700", T0, "family_name", "Nord", "credit_limit", "100");
        salesforce.down = true;
        engine.sync(Set.of("C7"));

        ConsistencyReport drifted = reporter.report();

        assertThat(drifted.consistent()).isFalse();
        assertThat(drifted.drifted()).singleElement().satisfies(drift -> {
            assertThat(drift.store()).isEqualTo("salesforce");
            assertThat(drift.fields()).containsExactly("credit_limit", "family_name");
        });

        salesforce.down = false;
        engine.sync(Set.of("C7"));
        ConsistencyReport agreed = reporter.report();

        assertThat(agreed.consistent()).isTrue();
        assertThat(agreed.stores()).extracting(ConsistencyReport.StoreSummary::inSync).containsOnly(1L);
    }

    @Test
    void aRejectedWriteIsRecordedWithTheStoresReasonAndClearedByTheNextSuccess() {
        member("C4", "erp", "P400", T0, "family_name", "Ek");
        salesforce.rejectNext = "FIELD_CUSTOM_VALIDATION_EXCEPTION";

        engine.sync(Set.of("C4"));

        assertThat(jdbc.queryForObject("SELECT error_code FROM sync_rejection WHERE customer_id = 'C4'", String.class))
                .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        engine.sync(Set.of("C4"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sync_rejection WHERE customer_id = 'C4'", Integer.class))
                .isZero();
        assertThat(salesforce.records.get("C4")).containsEntry("family_name", "Ek");
    }

    @Test
    void theOutboxHandsOutEachChangedCustomerOnceAndKeepsWhatArrivedLater() {
        outbox.changed(Set.of("C5", "C6"), T0);
        outbox.changed(Set.of("C5"), T0);

        SyncOutbox.Batch batch = outbox.next(10);
        outbox.changed(Set.of("C5"), T0.plusSeconds(1));
        outbox.remove(batch);

        assertThat(batch.customerIds()).containsExactlyInAnyOrder("C5", "C6");
        assertThat(outbox.next(10).customerIds()).containsExactly("C5");
    }

    private void member(String customerId, String source, String sourceId, Instant changedAt, String... fieldValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldValues.length; i += 2) {
            fields.put(fieldValues[i], fieldValues[i + 1]);
        }
        String fieldsJson;
        try {
            fieldsJson = JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String hash = String.format("%064x", fieldsJson.hashCode() & 0xffffffffL);
        Timestamp at = Timestamp.from(changedAt);
        jdbc.update("DELETE FROM source_record WHERE source = ? AND source_id = ?", source, sourceId);
        jdbc.update("INSERT INTO source_record (source, source_id, fields_json, content_hash, first_stored_at,"
                + " last_changed_at, last_import_id, last_row) VALUES (?, ?, ?, ?, ?, ?, 'test', 1)",
                source, sourceId, fieldsJson, hash, at, at);
        jdbc.update("DELETE FROM customer_record WHERE record_key = ?", source + ":" + sourceId);
        jdbc.update("INSERT INTO customer_record (record_key, source, source_id, customer_id, model_version,"
                + " canonical_json, quality_issues, updated_at) VALUES (?, ?, ?, ?, 1, '{}', 0, ?)",
                source + ":" + sourceId, source, sourceId, customerId, at);
    }

    /** A store as the engine sees it through its port: records by customer, a call counter, an outage switch. */
    private static final class InMemoryStore implements StoreConnector {

        final Map<String, Map<String, String>> records = new HashMap<>();
        final List<String> deleted = new ArrayList<>();
        private final String name;
        private final Set<String> fields;
        private final String hubIdAttribute;
        int calls;
        boolean down;
        String rejectNext;

        InMemoryStore(String name, Set<String> fields, String hubIdAttribute) {
            this.name = name;
            this.fields = fields;
            this.hubIdAttribute = hubIdAttribute;
        }

        @Override
        public String store() {
            return name;
        }

        @Override
        public Set<String> mappedFields(PartyType type) {
            return fields;
        }

        @Override
        public Map<String, String> syncedValues(PartyType type, Map<String, String> storedFields,
                                                Map<String, String> agreed) {
            Map<String, String> values = new HashMap<>();
            fields.forEach(field -> values.put(field, storedFields.get(field)));
            return values;
        }

        @Override
        public String hubIdAttribute() {
            return hubIdAttribute;
        }

        @Override
        public List<StoreWriteResult> write(List<StoreWrite> writes) {
            if (down) {
                throw new StoreUnavailableException(name + " answered 503", null);
            }
            calls++;
            List<StoreWriteResult> results = new ArrayList<>();
            for (StoreWrite write : writes) {
                if (rejectNext != null) {
                    results.add(new StoreWriteResult(write.customerId(), null, rejectNext, "rejected"));
                    rejectNext = null;
                    continue;
                }
                Map<String, String> record = records.computeIfAbsent(write.customerId(), id -> new HashMap<>());
                write.changed().forEach(field -> record.put(field, write.desired().get(field)));
                results.add(new StoreWriteResult(write.customerId(), name + "-" + write.customerId(), null, null));
            }
            return results;
        }

        @Override
        public List<StoreWriteResult> delete(List<Map.Entry<String, String>> keys) {
            if (down) {
                throw new StoreUnavailableException(name + " answered 503", null);
            }
            calls++;
            List<StoreWriteResult> results = new ArrayList<>();
            for (Map.Entry<String, String> key : keys) {
                records.remove(key.getKey());
                deleted.add(key.getValue());
                results.add(new StoreWriteResult(key.getKey(), key.getValue(), null, null));
            }
            return results;
        }

        @Override
        public void readAll(Consumer<List<SourceRecord>> page) {
            List<SourceRecord> all = new ArrayList<>();
            records.forEach((customerId, fields) -> {
                Map<String, String> stored = new HashMap<>(fields);
                stored.put(hubIdAttribute, customerId);
                all.add(new SourceRecord(SourceName.of(name), name + "-" + customerId, stored));
            });
            page.accept(all);
        }
    }
}
