package io.rapport.connector.erp;

import static io.rapport.connector.erp.ErpRows.insertAddress;
import static io.rapport.connector.erp.ErpRows.insertPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.connector.erp.ErpChange.Operation;
import io.rapport.connector.erp.ErpWriteOutcome.Status;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErpCustomerWriterTest {

    @RegisterExtension
    static final ErpDatabases DATABASES = new ErpDatabases();

    private static final String HUB = ErpCustomerWriter.DEFAULT_HUB_USER;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);

    private static ErpCustomerWriter writer(ErpTestDatabase db) {
        return new ErpCustomerWriter(db.dataSource, HUB, new NumberRangeTable(), CLOCK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aCustomerTheErpDoesNotKnowIsCreatedWithTheNextNumberOfTheErpsOwnRange(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        ErpWatermark start = feed.head();
        ErpCustomer newcomer = new ErpCustomer(null,
                Map.of("ext_ref", "C-1", "first_name", "Ada", "last_name", "Lovelace", "email", "ada@example.org"),
                Map.of("BILL", Map.of("street", "Storgata", "house_no", "1", "postcode", "0155", "city", "Oslo",
                        "country", "NO")));

        List<ErpWriteOutcome> outcomes = writer(db).write(List.of(newcomer));

        assertThat(outcomes).containsExactly(new ErpWriteOutcome("1000000", "C-1", Status.CREATED, null));
        ErpCustomer stored = new ErpCustomerReader(db.dataSource).read(List.of("1000000")).get(0);
        assertThat(stored.partner()).containsEntry("kind", "PERSON").containsEntry("ext_ref", "C-1")
                .containsEntry("changed_by", HUB).containsEntry("row_version", 1)
                .containsEntry("changed_at", LocalDateTime.of(2025, 6, 30, 12, 0));
        assertThat(stored.address("BILL")).containsEntry("city", "Oslo").containsEntry("changed_by", HUB);
        List<ErpChange> changes = feed.poll(start, 100).changes();
        assertThat(changes).extracting(ErpChange::partnerNo, ErpChange::operation, c -> c.madeOnlyBy(HUB))
                .containsExactly(tuple("1000000", Operation.INSERT, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void writingTheSameBatchTwiceChangesNothingTheSecondTime(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertAddress("2000001", "BILL", "Storgata", "MBERG"),
                insertPerson("2000002", "Alan", "Turing", "MBERG"));
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        List<ErpCustomer> batch = List.of(
                new ErpCustomer("2000001", Map.of("email", "ada@example.org", "credit_limit", new BigDecimal("2500")),
                        Map.of("BILL", Map.of("street", "Karl Johans gate"))),
                new ErpCustomer(null, Map.of("ext_ref", "C-9", "org_name", "Analytical Engines AS"),
                        Map.of("BILL", Map.of("city", "Oslo", "country", "NO"))),
                new ErpCustomer("2000002", Map.of(),
                        Map.of("SHIP", Map.of("street", "Havnegata", "city", "Bergen", "country", "NO"))));

        List<ErpWriteOutcome> first = writer(db).write(batch);
        ErpWatermark afterFirst = feed.head();
        List<ErpWriteOutcome> second = writer(db).write(batch);

        assertThat(first).extracting(ErpWriteOutcome::partnerNo, ErpWriteOutcome::status).containsExactly(
                tuple("2000001", Status.UPDATED), tuple("1000000", Status.CREATED), tuple("2000002", Status.UPDATED));
        assertThat(second).extracting(ErpWriteOutcome::partnerNo, ErpWriteOutcome::status).containsExactly(
                tuple("2000001", Status.UNCHANGED), tuple("1000000", Status.UNCHANGED),
                tuple("2000002", Status.UNCHANGED));
        assertThat(feed.poll(afterFirst, 100).changes()).as("no change event from the second write").isEmpty();
        assertThat(new ErpCustomerReader(db.dataSource).read(List.of("1000000")).get(0).partner())
                .containsEntry("kind", "ORGANIZATION");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void onlyTheGivenColumnsAreWrittenAndTheRowVersionCountsTheChange(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"),
                "UPDATE bp_partner SET phone = '+4722334455', credit_limit = 5000 WHERE partner_no = '2000001'");
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        ErpWatermark start = feed.head();

        List<ErpWriteOutcome> same = writer(db).write(List.of(new ErpCustomer("2000001",
                Map.of("phone", "+4722334455", "credit_limit", new BigDecimal("5000.00"), "last_name", "Lovelace"),
                Map.of())));
        List<ErpWriteOutcome> changed = writer(db).write(List.of(new ErpCustomer("2000001",
                Map.of("email", "ada@example.org"), Map.of())));

        assertThat(same).extracting(ErpWriteOutcome::status).containsExactly(Status.UNCHANGED);
        assertThat(changed).extracting(ErpWriteOutcome::status).containsExactly(Status.UPDATED);
        Map<String, Object> row = new ErpCustomerReader(db.dataSource).read(List.of("2000001")).get(0).partner();
        assertThat(row).containsEntry("email", "ada@example.org").containsEntry("phone", "+4722334455")
                .containsEntry("changed_by", HUB).containsEntry("row_version", 2);
        assertThat(feed.poll(start, 100).changes()).singleElement()
                .satisfies(c -> assertThat(c.changedBy()).containsExactly(HUB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void retiringCustomersBlocksThemAsTheHubOnceAndLeavesOutNumbersTheErpDoesNotHave(String name)
            throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertPerson("2000002", "Alan", "Turing", "MBERG"));
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        ErpWatermark start = feed.head();

        assertThat(writer(db).block(List.of("2000001", "2999999"))).containsExactly("2000001");
        ErpWatermark afterFirst = feed.head();
        assertThat(writer(db).block(List.of("2000001"))).containsExactly("2000001");

        List<ErpCustomer> stored = new ErpCustomerReader(db.dataSource).read(List.of("2000001", "2000002"));
        assertThat(stored).extracting(c -> c.partnerNo(), c -> c.partner().get("blocked"),
                        c -> c.partner().get("changed_by"))
                .containsExactlyInAnyOrder(tuple("2000001", true, HUB), tuple("2000002", false, "MBERG"));
        assertThat(feed.poll(start, 100).changes()).singleElement()
                .satisfies(c -> assertThat(c.madeOnlyBy(HUB)).isTrue());
        assertThat(feed.poll(afterFirst, 100).changes()).as("blocking again changes nothing").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aCustomerTheDatabaseRefusesFailsAloneAndTheOthersAreWritten(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);

        List<ErpWriteOutcome> outcomes = writer(db).write(List.of(
                new ErpCustomer(null, Map.of("ext_ref", "C-1", "last_name", "Lovelace"), Map.of()),
                new ErpCustomer(null, Map.of("ext_ref", "C-2", "last_name", "Babbage", "kind", "ALIEN"), Map.of()),
                new ErpCustomer(null, Map.of("last_name", "Nobody"), Map.of()),
                new ErpCustomer(null, Map.of("ext_ref", "C-3", "last_name", "Hopper"), Map.of())));

        assertThat(outcomes).extracting(ErpWriteOutcome::extRef, ErpWriteOutcome::status).containsExactly(
                tuple("C-1", Status.CREATED), tuple("C-2", Status.FAILED), tuple(null, Status.FAILED),
                tuple("C-3", Status.CREATED));
        assertThat(outcomes.get(1).reason()).isNotBlank();
        assertThat(outcomes.get(2).reason()).contains("ext_ref");
        assertThat(new ErpCustomerReader(db.dataSource).page(null, 10).customers())
                .extracting(c -> c.partner().get("last_name")).containsExactlyInAnyOrder("Lovelace", "Hopper");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void erasureDeletesAPartnerWithoutDocumentsAndAnonymizesOneTheBooksStillName(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertAddress("2000001", "BILL", "Storgata", "MBERG"),
                insertPerson("2000002", "Alan", "Turing", "MBERG"), insertAddress("2000002", "BILL", "Havnegata", "MBERG"),
                ErpRows.insertOrder("2000002", 5000000001L, "2025-01-05", "INVOICED"),
                "UPDATE bp_partner SET email = 'alan@example.org', ext_ref = 'C-2' WHERE partner_no = '2000002'");
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        ErpWatermark start = feed.head();

        Map<String, String> done = writer(db).erase(List.of("2000001", "2000002", "2999999"),
                ErpCustomerWriter.ErasureMode.DELETE);

        assertThat(done).containsExactly(Map.entry("2000001", "DELETED"), Map.entry("2000002", "ANONYMIZED"));
        ErpCustomerReader reader = new ErpCustomerReader(db.dataSource);
        assertThat(reader.read(List.of("2000001"))).isEmpty();
        ErpCustomer kept = reader.read(List.of("2000002")).get(0);
        assertThat(kept.partner()).containsEntry("blocked", true).containsEntry("changed_by", HUB)
                .containsEntry("first_name", null).containsEntry("last_name", null).containsEntry("email", null)
                .containsEntry("ext_ref", null);
        assertThat(kept.partner().values()).doesNotContain("Alan", "Turing", "alan@example.org", "C-2");
        assertThat(kept.addresses()).isEmpty();
        assertThat(feed.poll(start, 100).changes()).extracting(ErpChange::partnerNo).contains("2000001", "2000002");

        // sent again (the hub could not tell whether the first call landed): nothing left to do, nothing fails
        assertThat(writer(db).erase(List.of("2000001"), ErpCustomerWriter.ErasureMode.DELETE)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void erasureByAnonymizingKeepsThePartnerRowButNoneOfThePerson(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(insertPerson("2000003", "Grace", "Hopper", "MBERG"), insertAddress("2000003", "SHIP", "Kaigata", "MBERG"));

        assertThat(writer(db).erase(List.of("2000003"), ErpCustomerWriter.ErasureMode.ANONYMIZE))
                .containsExactly(Map.entry("2000003", "ANONYMIZED"));

        ErpCustomer kept = new ErpCustomerReader(db.dataSource).read(List.of("2000003")).get(0);
        assertThat(kept.partner()).containsEntry("blocked", true).containsEntry("kind", "PERSON")
                .containsEntry("row_version", 2);
        assertThat(kept.partner().values()).doesNotContain("Grace", "Hopper");
        assertThat(kept.addresses()).isEmpty();
    }
}
