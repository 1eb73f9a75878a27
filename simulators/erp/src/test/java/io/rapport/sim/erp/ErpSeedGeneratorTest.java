package io.rapport.sim.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErpSeedGeneratorTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Test
    void tenThousandCustomersWithAddressesOrdersAndInvoicesTakeSecondsOnH2() throws SQLException {
        try (Connection c = freshDatabase()) {
            SeedResult result = new ErpSeedGenerator(SeedOptions.builder().customers(10_000).seed(1).build()).seed(c);

            assertThat(result.partners()).isEqualTo(10_000);
            assertThat(count(c, "bp_partner")).isEqualTo(10_000);
            assertThat(count(c, "bp_address")).isEqualTo(result.addresses()).isGreaterThan(10_000);
            assertThat(count(c, "sales_order")).isEqualTo(result.orders()).isGreaterThan(15_000);
            assertThat(count(c, "sales_order_line")).isEqualTo(result.orderLines());
            assertThat(count(c, "invoice")).isEqualTo(result.invoices()).isGreaterThan(10_000);
            assertThat(result.took()).isLessThan(Duration.ofSeconds(30)); // about 3 s alone; CI shares its cores
        }
    }

    @Test
    void everyPartnerHasABillToAddressAndTheKindsFieldsFilled() throws SQLException {
        try (Connection c = freshDatabase()) {
            new ErpSeedGenerator(SeedOptions.builder().customers(500).organizationShare(0.3).build()).seed(c);

            assertThat(count(c, "bp_partner p WHERE NOT EXISTS (SELECT 1 FROM bp_address a"
                    + " WHERE a.partner_no = p.partner_no AND a.address_type = 'BILL')")).isZero();
            assertThat(count(c, "bp_partner WHERE kind = 'PERSON' AND (first_name IS NULL OR last_name IS NULL)")).isZero();
            assertThat(count(c, "bp_partner WHERE kind = 'ORGANIZATION' AND (org_name IS NULL OR tax_id IS NULL)")).isZero();
            assertThat(count(c, "bp_partner WHERE kind = 'ORGANIZATION'")).isBetween(100, 200);
            assertThat(count(c, "invoice WHERE status = 'PAID' AND paid_amount <> gross_amount")).isZero();
        }
    }

    @Test
    void equalOptionsGiveEqualRows() throws SQLException {
        SeedOptions options = SeedOptions.builder().customers(300).seed(99).build();
        try (Connection a = freshDatabase(); Connection b = freshDatabase()) {
            new ErpSeedGenerator(options).seed(a);
            new ErpSeedGenerator(options).seed(b);

            String partners = "SELECT * FROM bp_partner ORDER BY partner_no";
            String invoices = "SELECT * FROM invoice ORDER BY invoice_no";
            assertThat(rows(a, partners)).isEqualTo(rows(b, partners)).hasSize(300);
            assertThat(rows(a, invoices)).isEqualTo(rows(b, invoices));
        }
    }

    @Test
    void partnersLiveInTheChosenCountriesOnly() throws SQLException {
        try (Connection c = freshDatabase()) {
            new ErpSeedGenerator(SeedOptions.builder().customers(200).countries(EnumSet.of(ErpCountry.FR)).build()).seed(c);

            assertThat(rows(c, "SELECT DISTINCT country FROM bp_address")).containsExactly(List.of("FR"));
            assertThat(rows(c, "SELECT DISTINCT currency FROM bp_partner")).containsExactly(List.of("EUR"));
        }
    }

    @Test
    void aSecondRunAddsPartnersWithTheNextNumbers() throws SQLException {
        try (Connection c = freshDatabase()) {
            SeedResult first = new ErpSeedGenerator(SeedOptions.builder().customers(10).build()).seed(c);
            SeedResult second = new ErpSeedGenerator(SeedOptions.builder().customers(10).seed(2).build()).seed(c);

            assertThat(first.firstPartnerNo()).isEqualTo("1000000");
            assertThat(second.firstPartnerNo()).isEqualTo("1000010");
            assertThat(count(c, "bp_partner")).isEqualTo(20);
        }
    }

    @Test
    void theCommandCreatesTheSchemaAndSeeds() throws SQLException {
        String url = "jdbc:h2:mem:erp-cli-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        var out = new java.io.ByteArrayOutputStream();
        int status = SeedErpDatabase.run(new String[] {"--url", url, "--customers", "25", "--seed", "3"},
                new java.io.PrintStream(out, true), System.err);

        assertThat(status).isZero();
        assertThat(out.toString()).contains("created the ERP schema (H2)").contains("seeded 25 partners");
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(count(c, "bp_partner")).isEqualTo(25);
            c.createStatement().execute("SHUTDOWN");
        }
    }

    private static Connection freshDatabase() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:erp-seed-" + DATABASES.incrementAndGet());
        ErpSchema.create(c);
        return c;
    }

    private static int count(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
