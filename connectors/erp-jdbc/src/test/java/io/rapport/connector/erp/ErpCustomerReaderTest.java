package io.rapport.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.connector.erp.ErpWriteOutcome.Status;
import io.rapport.sim.erp.ErpSeedGenerator;
import io.rapport.sim.erp.SeedOptions;
import io.rapport.sim.erp.SeedResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErpCustomerReaderTest {

    @RegisterExtension
    static final ErpDatabases DATABASES = new ErpDatabases();

    private static SeedResult seed(ErpTestDatabase db, int customers) throws SQLException {
        try (Connection c = db.connect()) {
            return new ErpSeedGenerator(SeedOptions.builder().customers(customers).seed(11).build()).seed(c);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void aSeededDatabaseIsScannedPageByPageInPartnerOrderWithEveryCustomerOnce(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        SeedResult seeded = seed(db, 250);
        ErpCustomerReader reader = new ErpCustomerReader(db.dataSource);

        List<ErpCustomer> all = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        ErpCustomerPage page = reader.page(null, 100);
        while (true) {
            all.addAll(page.customers());
            pageSizes.add(page.customers().size());
            if (!page.hasMore()) {
                break;
            }
            page = reader.page(page.lastPartnerNo(), 100);
        }

        assertThat(seeded.partners()).isEqualTo(250);
        assertThat(seeded.orders()).isPositive();
        assertThat(seeded.invoices()).isPositive();
        assertThat(pageSizes).containsExactly(100, 100, 50);
        assertThat(all).extracting(ErpCustomer::partnerNo).isSorted().doesNotHaveDuplicates().hasSize(250);
        assertThat(all).allSatisfy(c -> assertThat(c.address(ErpCustomer.BILL)).containsKey("country"));
        assertThat(all.stream().mapToInt(c -> c.addresses().size()).sum()).isEqualTo(seeded.addresses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void eachCustomerComesWithItsSalesSummaryFromItsOrdersAndInvoices(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        db.sql(ErpRows.insertPerson("2000001", "Ada", "Lovelace", "MBERG"),
                ErpRows.insertPerson("2000002", "Alan", "Turing", "MBERG"),
                ErpRows.insertOrder("2000001", 5000000001L, "2025-03-01", "DELIVERED"),
                ErpRows.insertOrder("2000001", 5000000002L, "2025-04-15", "OPEN"),
                ErpRows.insertOrder("2000001", 5000000003L, "2025-05-20", "CANCELLED"),
                ErpRows.insertInvoice("2000001", 9000000001L, "EUR", "1000.00", "0", "OPEN"),
                ErpRows.insertInvoice("2000001", 9000000002L, "EUR", "500.00", "200.00", "PARTIAL"),
                ErpRows.insertInvoice("2000001", 9000000003L, "EUR", "800.00", "800.00", "PAID"),
                ErpRows.insertInvoice("2000001", 9000000004L, "SEK", "9999.00", "0", "OPEN"));
        ErpCustomerReader reader = new ErpCustomerReader(db.dataSource);

        List<ErpCustomer> read = reader.read(List.of("2000001", "2000002"));

        // owed in the partner's own currency (EUR): 1000 open + 300 left of a partly paid invoice
        assertThat(read.get(0).sales().get("open_balance")).isInstanceOfSatisfying(java.math.BigDecimal.class,
                balance -> assertThat(balance).isEqualByComparingTo("1300"));
        assertThat(read.get(0).sales()).containsEntry("last_order_date", java.time.LocalDate.of(2025, 4, 15))
                .containsEntry("open_orders", 1);
        assertThat(read.get(1).sales()).containsEntry("open_orders", 0).containsEntry("last_order_date", null);
        assertThat((java.math.BigDecimal) read.get(1).sales().get("open_balance")).isZero();
        assertThat(new ErpCustomerMapper().toSourceRecord(read.get(0)).fields())
                .containsEntry("last_order_date", "2025-04-15").containsEntry("open_orders", "1")
                .containsKey("open_balance");
        assertThat(reader.page(null, 10).customers().get(0).sales()).isEqualTo(read.get(0).sales());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void customersAreReadByNumberInChunksInTheOrderAskedAndDeletedOnesAreLeftOut(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        seed(db, 600);
        db.sql("DELETE FROM invoice WHERE partner_no = '1000003'",
                "DELETE FROM sales_order_line WHERE order_no IN (SELECT order_no FROM sales_order WHERE partner_no = '1000003')",
                "DELETE FROM sales_order WHERE partner_no = '1000003'",
                "DELETE FROM bp_partner WHERE partner_no = '1000003'");
        List<String> wanted = new ArrayList<>(IntStream.range(0, 600).mapToObj(i -> String.valueOf(1000599 - i)).toList());

        List<ErpCustomer> customers = new ErpCustomerReader(db.dataSource).read(wanted);

        wanted.remove("1000003");
        assertThat(customers).extracting(ErpCustomer::partnerNo).containsExactlyElementsOf(wanted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
    void seededCustomersRoundTripThroughSourceRecordsUnchanged(String name) throws SQLException {
        ErpTestDatabase db = DATABASES.empty(name);
        seed(db, 300);
        ErpCustomerMapper mapper = new ErpCustomerMapper();
        List<ErpCustomer> stored = new ErpCustomerReader(db.dataSource).page(null, 300).customers();
        ErpChangeFeed feed = new ErpChangeFeed(db.dataSource);
        ErpWatermark start = feed.head();

        List<ErpCustomer> mappedBack = stored.stream().map(mapper::toSourceRecord).map(mapper::toErpCustomer).toList();
        List<ErpWriteOutcome> outcomes = new ErpCustomerWriter(db.dataSource).write(mappedBack);

        assertThat(outcomes).hasSize(300).extracting(ErpWriteOutcome::status).containsOnly(Status.UNCHANGED);
        assertThat(feed.poll(start, 100).changes()).isEmpty();
        assertThat(stored).anySatisfy(c -> assertThat(mapper.toSourceRecord(c).fields())
                .containsKeys("organization", "tax_id", "credit_limit", "erp_changed_at"));
    }
}
