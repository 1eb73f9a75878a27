package io.rapport.connector.erp;

import static io.rapport.connector.erp.ErpRows.insertAddress;
import static io.rapport.connector.erp.ErpRows.insertInvoice;
import static io.rapport.connector.erp.ErpRows.insertOrder;
import static io.rapport.connector.erp.ErpRows.insertPerson;
import static io.rapport.connector.erp.ErpRows.stampedUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.connector.erp.ErpChange.Operation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErpChangeFeedTest {

    @RegisterExtension
    static final ErpDatabases DATABASES = new ErpDatabases();

    private static final String HUB = "RAPPORT_SYNC";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-30T12:00:00Z"));

    private ErpChangeFeed feed(ErpTestDatabase db) {
        return new ErpChangeFeed(db.dataSource, Duration.ofSeconds(30), clock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void partnerAndAddressChangesAppearOnceInOrderOneEntryPerPartner(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        ErpWatermark start = feed.head();
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"),
                insertAddress("2000001", "BILL", "Storgata", "MBERG"),
                insertPerson("2000002", "Alan", "Turing", "JSMITH"),
                insertAddress("2000002", "BILL", "Kirkeveien", "JSMITH"),
                stampedUpdate("bp_address", "partner_no = '2000001'", "street = 'Karl Johans gate'", "MBERG", 1),
                insertPerson("2000003", "Grace", "Hopper", "MBERG"),
                "DELETE FROM bp_partner WHERE partner_no = '2000002'");

        ErpChangeBatch first = feed.poll(start, 100);

        // 2000001: insert, address insert, address update; 2000002: insert, address insert, delete (cascading
        // to its address on H2 and PostgreSQL: MariaDB fires no triggers for cascaded deletes); 2000003: insert
        assertThat(first.changes()).extracting(ErpChange::partnerNo, ErpChange::operation).containsExactly(
                tuple("2000001", Operation.INSERT), tuple("2000003", Operation.INSERT),
                tuple("2000002", Operation.DELETE));
        assertThat(first.changes()).extracting(ErpChange::lastSeq).isSorted();
        assertThat(first.watermark().gaps()).isEmpty();

        assertThat(feed.poll(first.watermark(), 100).changes()).as("nothing twice").isEmpty();

        db.sql(stampedUpdate("bp_partner", "partner_no = '2000003'", "email = 'grace@navy.mil'", "JSMITH", 2),
                stampedUpdate("bp_address", "partner_no = '2000001'", "city = 'Bergen'", "MBERG", 3));
        ErpChangeBatch second = feed.poll(first.watermark(), 100);

        assertThat(second.changes()).extracting(ErpChange::partnerNo, ErpChange::operation).containsExactly(
                tuple("2000003", Operation.UPDATE), tuple("2000001", Operation.UPDATE));
        assertThat(second.changes().get(0).changedBy()).containsExactly("JSMITH");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aPollReadsAtMostMaxRowsAndTheNextContinues(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        ErpWatermark start = feed.head();
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertPerson("2000002", "Alan", "Turing", "MBERG"),
                insertPerson("2000003", "Grace", "Hopper", "MBERG"));

        ErpChangeBatch first = feed.poll(start, 2);
        ErpChangeBatch second = feed.poll(first.watermark(), 2);

        assertThat(first.changes()).extracting(ErpChange::partnerNo).containsExactly("2000001", "2000002");
        assertThat(second.changes()).extracting(ErpChange::partnerNo).containsExactly("2000003");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aNewOrderOrAPaidInvoiceIsAChangeOfItsPartnerCreditedToTheDatabaseUser(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", HUB), insertPerson("2000002", "Alan", "Turing", HUB),
                insertInvoice("2000002", 9000000001L, "EUR", "250.00", "0", "OPEN"));
        ErpWatermark start = feed.head();

        db.sql(insertOrder("2000001", 5000000001L, "2025-03-01", "OPEN"),
                "UPDATE invoice SET paid_amount = 250.00, status = 'PAID' WHERE invoice_no = 9000000001");
        List<ErpChange> changes = feed.poll(start, 100).changes();

        assertThat(changes).extracting(ErpChange::partnerNo, ErpChange::operation).containsExactly(
                tuple("2000001", Operation.UPDATE), tuple("2000002", Operation.UPDATE));
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.madeOnlyBy(HUB)).as("the hub writes no documents").isFalse();
            assertThat(change.changedBy()).singleElement().asString().isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void theHubsOwnWritesAreRecognizedButNotWhenSomeoneElseChangedTheRowToo(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertPerson("2000002", "Alan", "Turing", "MBERG"));
        ErpWatermark start = feed.head();

        db.sql(stampedUpdate("bp_partner", "partner_no = '2000001'", "email = 'ada@example.org'", HUB, 1),
                stampedUpdate("bp_partner", "partner_no = '2000002'", "email = 'alan@example.org'", HUB, 2),
                stampedUpdate("bp_partner", "partner_no = '2000002'", "phone = '+4722334455'", "JSMITH", 3));
        List<ErpChange> changes = feed.poll(start, 100).changes();

        assertThat(changes).extracting(ErpChange::partnerNo, c -> c.madeOnlyBy(HUB))
                .containsExactly(tuple("2000001", true), tuple("2000002", false));
        assertThat(changes.get(1).changedBy()).containsExactly(HUB, "JSMITH");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void anUpdateThatDoesNotStampTheRowIsCreditedToTheDatabaseUserNotToTheLastChanger(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        db.sql(insertPerson("2000001", "Ada", "Lovelace", HUB));
        ErpWatermark start = feed.head();

        db.sql("UPDATE bp_partner SET email = 'fixed@example.org' WHERE partner_no = '2000001'");
        ErpChange change = feed.poll(start, 100).changes().get(0);

        assertThat(change.madeOnlyBy(HUB)).isFalse();
        assertThat(change.changedBy()).singleElement().asString().isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aChangeCommittedLateByAConcurrentTransactionIsNotLost(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        ErpWatermark start = feed.head();
        try (Connection a = db.connect(); Connection b = db.connect()) {
            a.setAutoCommit(false);
            ErpRows.run(a, insertPerson("2000001", "Ada", "Lovelace", "MBERG")); // draws the lower number, stays open
            ErpRows.run(b, insertPerson("2000002", "Alan", "Turing", "JSMITH")); // draws the higher one, commits

            ErpChangeBatch first = feed.poll(start, 100);
            assertThat(first.changes()).extracting(ErpChange::partnerNo).containsExactly("2000002");
            assertThat(first.watermark().missingCount()).isEqualTo(1);

            a.commit();
            clock.advance(Duration.ofSeconds(5));
            ErpChangeBatch second = feed.poll(first.watermark(), 100);

            assertThat(second.changes()).extracting(ErpChange::partnerNo, ErpChange::operation)
                    .containsExactly(tuple("2000001", Operation.INSERT));
            assertThat(second.watermark().gaps()).isEmpty();
            assertThat(feed.poll(second.watermark(), 100).changes()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aGapLeftByARolledBackTransactionIsGivenUpAfterTheGapTimeout(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        ErpWatermark start = feed.head();
        ErpChangeBatch first;
        try (Connection a = db.connect(); Connection b = db.connect()) {
            a.setAutoCommit(false);
            ErpRows.run(a, insertPerson("2000001", "Ada", "Lovelace", "MBERG"));
            ErpRows.run(b, insertPerson("2000002", "Alan", "Turing", "JSMITH"));
            first = feed.poll(start, 100);
            a.rollback();
        }
        assertThat(first.watermark().missingCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(29));
        ErpChangeBatch stillWaiting = feed.poll(first.watermark(), 100);
        clock.advance(Duration.ofSeconds(2));
        ErpChangeBatch givenUp = feed.poll(stillWaiting.watermark(), 100);

        assertThat(stillWaiting.watermark().missingCount()).isEqualTo(1);
        assertThat(stillWaiting.gapsGivenUp()).isZero();
        assertThat(givenUp.gapsGivenUp()).isEqualTo(1);
        assertThat(givenUp.watermark().gaps()).isEmpty();
        assertThat(givenUp.changes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void theWatermarkSurvivesAStoreAndPurgingKeepsTheFeedGoing(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        WatermarkStore store = new InMemoryWatermarkStore();
        ErpWatermark start = feed.head();
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"), insertPerson("2000002", "Alan", "Turing", "MBERG"));

        ErpChangeBatch first = feed.poll(start, 100);
        store.save("erp-customers", first.watermark().toString());
        ErpWatermark restored = ErpWatermark.parse(store.load("erp-customers").orElseThrow());
        int purged = feed.purge(restored.purgeableUpTo());
        db.sql(insertPerson("2000003", "Grace", "Hopper", "MBERG"));

        assertThat(restored).isEqualTo(first.watermark());
        assertThat(purged).isGreaterThanOrEqualTo(2);
        assertThat(changeRows(db)).isEqualTo(1);
        assertThat(feed.poll(restored, 100).changes()).extracting(ErpChange::partnerNo).containsExactly("2000003");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void installingAgainKeepsOneTriggerPerTableAndTheCapturedRows(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        ErpChangeFeed feed = feed(db);
        ErpWatermark start = feed.head();
        db.sql(insertPerson("2000001", "Ada", "Lovelace", "MBERG"));
        try (Connection c = db.connect()) {
            new ChangeCaptureInstaller().install(c);
        }
        db.sql(insertPerson("2000002", "Alan", "Turing", "MBERG"));

        ErpChangeBatch batch = feed.poll(start, 100);
        assertThat(batch.rowsRead()).as("one change row per insert").isEqualTo(2);
        assertThat(batch.changes()).extracting(ErpChange::partnerNo).containsExactly("2000001", "2000002");
    }

    private static int changeRows(ErpTestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rapport_change")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
