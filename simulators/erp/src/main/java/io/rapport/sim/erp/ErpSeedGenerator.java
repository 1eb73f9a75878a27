package io.rapport.sim.erp;

import io.rapport.sim.erp.SeedRows.Customer;
import io.rapport.sim.erp.SeedRows.Invoice;
import io.rapport.sim.erp.SeedRows.Order;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Fills the ERP schema ({@link ErpSchema}) with business partners, their addresses, sales orders and invoices.
 * The people are the customer generator's, so names, phones, postcodes and national ids follow each country's
 * conventions; numbers come from the ERP's own number ranges. Deterministic: equal {@link SeedOptions} give equal
 * rows in an empty schema.
 *
 * <pre>{@code
 * ErpSchema.create(connection);
 * SeedResult result = new ErpSeedGenerator(SeedOptions.builder().customers(10_000).seed(7).build()).seed(connection);
 * }</pre>
 */
public final class ErpSeedGenerator {

    private final SeedOptions options;

    public ErpSeedGenerator(SeedOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Writes the rows through the connection in JDBC batches, committing every
     * {@link SeedOptions#customersPerCommit()} partners; leaves the connection's auto-commit as it found it.
     */
    public SeedResult seed(Connection connection) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (SeedWriter writer = new SeedWriter(connection)) {
            int customers = options.customers();
            long maxDocuments = (long) customers * options.maxOrdersPerCustomer();
            long firstPartner = NumberRanges.take(connection, NumberRanges.PARTNER, customers);
            long[] nextOrder = {NumberRanges.take(connection, NumberRanges.SALES_ORDER, Math.max(1, maxDocuments))};
            long[] nextInvoice = {NumberRanges.take(connection, NumberRanges.INVOICE, Math.max(1, maxDocuments))};
            connection.commit();

            SplittableRandom r = new SplittableRandom(options.seed());
            PartnerFactory partners = new PartnerFactory(options);
            DocumentFactory documents = new DocumentFactory(options);
            int[] made = {0};
            for (int round = 0; made[0] < customers; round++) {
                long people = (long) (customers - made[0]) * 15 / options.countries().size() + 50;
                GeneratedPeople.generate(options.seed() + round * 0x9E3779B97F4A7C15L, people, person -> {
                    if (made[0] >= customers) {
                        return;
                    }
                    Customer customer = partners.make(String.valueOf(firstPartner + made[0]), person, r);
                    if (customer == null) {
                        return;
                    }
                    List<Order> orders = new ArrayList<>();
                    List<Invoice> invoices = new ArrayList<>();
                    documents.make(customer.partner(), ErpCountry.valueOf(customer.addresses().get(0).country()), r,
                            nextOrder, nextInvoice, orders, invoices);
                    made[0]++;
                    try {
                        writer.add(new Customer(customer.partner(), customer.addresses(), orders, invoices));
                        if (made[0] % options.customersPerCommit() == 0) {
                            writer.flush();
                        }
                    } catch (SQLException e) {
                        throw new SeedFailure(e);
                    }
                });
            }
            writer.flush();
            return new SeedResult(writer.partnerCount, writer.addressCount, writer.orderCount, writer.lineCount,
                    writer.invoiceCount, customers == 0 ? null : String.valueOf(firstPartner),
                    customers == 0 ? null : String.valueOf(firstPartner + customers - 1),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SeedFailure e) {
            connection.rollback();
            throw e.getCause();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Carries a SQLException out of the generator's row callback. */
    private static final class SeedFailure extends RuntimeException {
        SeedFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
