package io.rapport.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncMergerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final SyncPolicy policy = new SyncPolicy(
            Map.of("erp", new StorePolicy(StoreLocation.ON_PREMISE), "salesforce", new StorePolicy(StoreLocation.CLOUD)),
            Map.of(
                    "email", new FieldPolicy("salesforce", ConflictRule.OWNER_WINS, null, null),
                    "credit_limit", new FieldPolicy("erp", ConflictRule.OWNER_WINS, null, null),
                    "family_name", new FieldPolicy(null, ConflictRule.LATEST_WINS, null, null),
                    "lead_status", new FieldPolicy(null, ConflictRule.MANUAL, null, null),
                    "tax_id", new FieldPolicy("erp", null, null, true),
                    "national_id", new FieldPolicy("erp", null, Residency.ON_PREMISE_ONLY, null)),
            Duration.ofSeconds(5), null);
    private final SyncMerger merger = new SyncMerger(policy);
    private final CustomerSyncState state = new CustomerSyncState("C1");

    @Test
    void aChangeInOneStoreIsSentToTheOthersButNeverAnOnPremiseOnlyFieldToTheCloud() {
        MergeResult result = merger.apply(state, snapshot("erp", T0, "family_name", "Smith", "credit_limit", "5000",
                "national_id", "19800101-1234"));

        assertThat(result.agreedChanged()).containsExactlyInAnyOrder("family_name", "credit_limit", "national_id");
        assertThat(result.conflicts()).isEmpty();
        assertThat(merger.pending(state, "salesforce"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("family_name", "Smith", "credit_limit", "5000"));
        assertThat(merger.pending(state, "erp")).isEmpty();
        assertThat(merger.desiredView(state, "salesforce")).doesNotContainKey("national_id");
    }

    @Test
    void theHubsOwnWriteComingBackAsAChangeIsNotPropagatedAgain() {
        merger.apply(state, snapshot("erp", T0, "family_name", "Smith"));
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0);

        MergeResult echo = merger.apply(state, snapshot("salesforce", T0.plusSeconds(1), "family_name", "Smith"));

        assertThat(echo.agreedChanged()).isEmpty();
        assertThat(echo.conflicts()).isEmpty();
        assertThat(merger.pending(state, "salesforce")).isEmpty();
        assertThat(merger.pending(state, "erp")).isEmpty();
    }

    @Test
    void anEchoArrivingBeforeTheWriteIsAcknowledgedIsNotAChangeEither() {
        merger.apply(state, snapshot("erp", T0, "family_name", "Smith"));

        MergeResult echo = merger.apply(state, snapshot("salesforce", T0.plusSeconds(1), "family_name", "Smith"));

        assertThat(echo.agreedChanged()).isEmpty();
        assertThat(merger.pending(state, "salesforce")).isEmpty();
    }

    @Test
    void theOwnerWinsAConflictWhicheverSideChangedLast() {
        agreeEverywhere("email", "old@example.com");
        merger.apply(state, snapshot("erp", T0.plusSeconds(60), "email", "erp@example.com"));

        MergeResult crm = merger.apply(state, snapshot("salesforce", T0.plusSeconds(30), "email", "crm@example.com"));

        assertThat(crm.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.reason()).isEqualTo(FieldConflict.BOTH_CHANGED);
            assertThat(conflict.outcome()).isEqualTo(ConflictOutcome.INCOMING_TAKEN);
            assertThat(conflict.agreedValue()).isEqualTo("erp@example.com");
            assertThat(conflict.incomingValue()).isEqualTo("crm@example.com");
        });
        assertThat(state.agreed("email").value()).isEqualTo("crm@example.com");
        assertThat(merger.pending(state, "erp")).containsEntry("email", "crm@example.com");
        assertThat(merger.pending(state, "salesforce")).isEmpty();
    }

    @Test
    void aValueAStoreGivesAFieldNobodyHadIsAChangeNotAConflict() {
        Map<String, String> noEmail = new HashMap<>();
        noEmail.put("family_name", "Smith");
        noEmail.put("email", null);
        merger.apply(state, new StoreSnapshot("erp", noEmail, T0));
        // the empty email is not sent: Salesforce never had one, and nothing is known of its copy
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0);
        assertThat(state.storeHash("salesforce", "email")).isNull();

        MergeResult crm = merger.apply(state, snapshot("salesforce", T0.plusSeconds(30), "email", "crm@example.com"));

        assertThat(crm.conflicts()).isEmpty();
        assertThat(state.agreed("email").value()).isEqualTo("crm@example.com");
        assertThat(merger.pending(state, "erp")).containsEntry("email", "crm@example.com");
    }

    @Test
    void anOwnersEditThatTheHubsWriteOverwroteIsAConflictItWinsAndItIsSentBackToTheOwner() {
        agreeEverywhere("email", "old@example.com");
        merger.apply(state, snapshot("erp", T0.plusSeconds(50), "email", "erp@example.com"));
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0.plusSeconds(60));

        // a Salesforce user's edit from before the hub's write landed over it, read before the write, arrives now
        MergeResult late = merger.apply(state, snapshot("salesforce", T0.plusSeconds(40), "email", "crm@example.com"));

        assertThat(late.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.reason()).isEqualTo(FieldConflict.BOTH_CHANGED);
            assertThat(conflict.outcome()).isEqualTo(ConflictOutcome.INCOMING_TAKEN);
        });
        assertThat(state.agreed("email").value()).isEqualTo("crm@example.com");
        // Salesforce holds the hub's write now, not its user's edit: it must be sent the edit again
        assertThat(merger.pending(state, "salesforce")).containsEntry("email", "crm@example.com");
        assertThat(merger.pending(state, "erp")).containsEntry("email", "crm@example.com");
    }

    @Test
    void aNonOwnersEditThatTheHubsWriteOverwroteIsAConflictTheOwnerWinsWithNothingMoreToSend() {
        agreeEverywhere("credit_limit", "5000");
        merger.apply(state, snapshot("erp", T0.plusSeconds(50), "credit_limit", "6000"));
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0.plusSeconds(60));

        MergeResult late = merger.apply(state, snapshot("salesforce", T0.plusSeconds(40), "credit_limit", "9999"));

        assertThat(late.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.reason()).isEqualTo(FieldConflict.BOTH_CHANGED);
            assertThat(conflict.outcome()).isEqualTo(ConflictOutcome.AGREED_KEPT);
        });
        assertThat(state.agreed("credit_limit").value()).isEqualTo("6000");
        assertThat(merger.pending(state, "salesforce")).isEmpty();
        // and the record as read after the write is the write: nothing changed
        assertThat(merger.apply(state, snapshot("salesforce", T0.plusSeconds(61), "credit_limit", "6000"))
                .conflicts()).isEmpty();
    }

    @Test
    void aStoreThatDoesNotOwnAFieldCannotChangeTheOwnersValueAndIsSentItBack() {
        agreeEverywhere("credit_limit", "5000");
        merger.apply(state, snapshot("erp", T0.plusSeconds(10), "credit_limit", "6000"));
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0.plusSeconds(10));

        MergeResult crm = merger.apply(state, snapshot("salesforce", T0.plusSeconds(20), "credit_limit", "9999"));

        assertThat(crm.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.reason()).isEqualTo(FieldConflict.NOT_OWNER);
            assertThat(conflict.outcome()).isEqualTo(ConflictOutcome.AGREED_KEPT);
        });
        assertThat(state.agreed("credit_limit").value()).isEqualTo("6000");
        assertThat(merger.pending(state, "salesforce")).containsEntry("credit_limit", "6000");
    }

    @Test
    void latestWinsUnlessTheChangesAreCloserThanTheClockSkewTolerance() {
        agreeEverywhere("family_name", "Smith");
        merger.apply(state, snapshot("erp", T0.plusSeconds(100), "family_name", "Smyth"));
        MergeResult later = merger.apply(state, snapshot("salesforce", T0.plusSeconds(110), "family_name", "Smithe"));
        assertThat(later.conflicts()).singleElement()
                .extracting(FieldConflict::outcome).isEqualTo(ConflictOutcome.INCOMING_TAKEN);
        assertThat(state.agreed("family_name").value()).isEqualTo("Smithe");

        // 3 s apart: within the 5 s tolerance, no owner, so the value already agreed stays
        MergeResult close = merger.apply(state, snapshot("erp", T0.plusSeconds(113), "family_name", "Smit"));
        assertThat(close.conflicts()).singleElement()
                .extracting(FieldConflict::outcome).isEqualTo(ConflictOutcome.AGREED_KEPT);
        assertThat(state.agreed("family_name").value()).isEqualTo("Smithe");
        assertThat(merger.pending(state, "erp")).containsEntry("family_name", "Smithe");
    }

    @Test
    void aManualFieldIsHeldBackFromEveryStoreUntilAStewardDecides() {
        agreeEverywhere("lead_status", "Open");
        merger.apply(state, snapshot("erp", T0.plusSeconds(10), "lead_status", "Qualified"));
        MergeResult crm = merger.apply(state, snapshot("salesforce", T0.plusSeconds(20), "lead_status", "Closed"));

        assertThat(crm.conflicts()).singleElement()
                .extracting(FieldConflict::outcome).isEqualTo(ConflictOutcome.HELD_FOR_STEWARD);
        assertThat(merger.pending(state, "erp")).isEmpty();
        assertThat(merger.pending(state, "salesforce")).isEmpty();
        assertThat(merger.desiredView(state, "salesforce")).doesNotContainKey("lead_status");

        merger.decide(state, "lead_status", "Closed", T0.plusSeconds(30));

        assertThat(state.isHeld("lead_status")).isFalse();
        assertThat(merger.pending(state, "erp")).containsEntry("lead_status", "Closed");
        assertThat(merger.pending(state, "salesforce")).isEmpty();
    }

    @Test
    void sensitiveValuesAreMaskedInTheConflictLog() {
        agreeEverywhere("tax_id", "SE556677889901");
        MergeResult crm = merger.apply(state, snapshot("salesforce", T0.plusSeconds(10), "tax_id", "SE000000000001"));

        assertThat(crm.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.agreedValue()).isEqualTo("****");
            assertThat(conflict.incomingValue()).isEqualTo("****");
        });
        assertThat(policy.field("national_id").isSensitive()).isTrue();
    }

    @Test
    void aNationalIdReportedByACloudStoreIsIgnored() {
        MergeResult result = merger.apply(state, snapshot("salesforce", T0, "national_id", "19800101-1234"));

        assertThat(result.agreedChanged()).isEmpty();
        assertThat(state.agreed("national_id")).isNull();
    }

    @Test
    void aClearedFieldIsClearedEverywhereButNeverSentToAStoreThatNeverHadIt() {
        agreeEverywhere("email", "a@example.com");
        Map<String, String> cleared = new HashMap<>();
        cleared.put("email", null);

        merger.apply(state, new StoreSnapshot("salesforce", cleared, T0.plusSeconds(10)));

        assertThat(merger.pending(state, "erp")).containsEntry("email", null);
        CustomerSyncState fresh = new CustomerSyncState("C3");
        merger.apply(fresh, new StoreSnapshot("salesforce", cleared, T0));
        assertThat(merger.pending(fresh, "erp")).isEmpty();
    }

    @Test
    void valuesAreComparedWithoutSurroundingBlanks() {
        agreeEverywhere("family_name", "Smith");

        MergeResult result = merger.apply(state, snapshot("salesforce", T0.plusSeconds(10), "family_name", " Smith "));

        assertThat(result.agreedChanged()).isEmpty();
        assertThat(SyncValues.recordHash(Map.of("a", "1", "b", "2")))
                .isEqualTo(SyncValues.recordHash(Map.of("b", "2 ", "a", "1")))
                .isNotEqualTo(SyncValues.recordHash(Map.of("a", "1", "b", "3")));
    }

    @Test
    void aPolicyCannotLetACloudStoreOwnAnOnPremiseOnlyFieldOrNameAnUnknownOwner() {
        Map<String, StorePolicy> stores = Map.of("erp", new StorePolicy(StoreLocation.ON_PREMISE),
                "salesforce", new StorePolicy(StoreLocation.CLOUD));
        assertThatThrownBy(() -> new SyncPolicy(stores,
                Map.of("national_id", new FieldPolicy("salesforce", null, Residency.ON_PREMISE_ONLY, null)), null, null))
                .hasMessageContaining("on-premise only");
        assertThatThrownBy(() -> new SyncPolicy(stores, Map.of("email", new FieldPolicy("sap", null, null, null)),
                null, null))
                .hasMessageContaining("'sap'");
    }

    private void agreeEverywhere(String field, String value) {
        merger.apply(state, snapshot("erp", T0, field, value));
        merger.acknowledge(state, "salesforce", merger.pending(state, "salesforce"), T0);
        assertThat(merger.pending(state, "salesforce")).isEmpty();
    }

    @Test
    void reconciliationFindsTheFieldsAStoreHoldsOtherwiseThanAgreedAndNothingTheStoreMayNotHold() {
        merger.apply(state, snapshot("erp", T0, "family_name", "Smith", "credit_limit", "5000",
                "national_id", "19800101-1234"));
        Map<String, String> salesforceRecord = new HashMap<>();
        salesforceRecord.put("family_name", " Smith ");
        salesforceRecord.put("credit_limit", "9000");
        salesforceRecord.put("email", "not-yet-applied@example.com");
        salesforceRecord.put("national_id", null);

        assertThat(merger.differences(state, "salesforce", salesforceRecord)).containsExactly("credit_limit");
        salesforceRecord.put("credit_limit", "5000");
        assertThat(merger.differences(state, "salesforce", salesforceRecord)).isEmpty();
        assertThat(merger.differences(state, "erp", Map.of("family_name", "Smyth", "national_id", "19800101-1234")))
                .containsExactly("family_name");
    }

    private static StoreSnapshot snapshot(String store, Instant at, String... fieldsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return new StoreSnapshot(store, values, at);
    }
}
