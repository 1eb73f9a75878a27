package io.rapport.sim.erp;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link ErpSeedGenerator} puts into the database. Equal options give equal rows in an empty schema.
 *
 * @param seed                 random seed
 * @param customers            business partners to create
 * @param organizationShare    share of partners that are organizations rather than persons, 0..1
 * @param countries            countries the partners live in, in the customer generator's mix; all when empty
 * @param maxOrdersPerCustomer each partner gets 0..max sales orders with 1..4 lines; older orders are invoiced
 * @param asOf                 the simulated "today": creation dates lie before it, due dates are judged by it
 * @param customersPerCommit   partners written per JDBC batch and transaction
 */
public record SeedOptions(long seed, int customers, double organizationShare, Set<ErpCountry> countries,
        int maxOrdersPerCustomer, LocalDate asOf, int customersPerCommit) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_CUSTOMERS = 1_000;
    public static final double DEFAULT_ORGANIZATION_SHARE = 0.3;
    public static final int DEFAULT_MAX_ORDERS_PER_CUSTOMER = 4;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2025, 6, 30);
    public static final int DEFAULT_CUSTOMERS_PER_COMMIT = 1_000;

    public SeedOptions {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative: " + customers);
        }
        if (!(organizationShare >= 0 && organizationShare <= 1)) {
            throw new IllegalArgumentException("organizationShare must be between 0 and 1: " + organizationShare);
        }
        if (maxOrdersPerCustomer < 0) {
            throw new IllegalArgumentException("maxOrdersPerCustomer must not be negative: " + maxOrdersPerCustomer);
        }
        if (customersPerCommit < 1) {
            throw new IllegalArgumentException("customersPerCommit must be at least 1: " + customersPerCommit);
        }
        Objects.requireNonNull(asOf, "asOf");
        countries = countries == null || countries.isEmpty() ? EnumSet.allOf(ErpCountry.class) : EnumSet.copyOf(countries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int customers = DEFAULT_CUSTOMERS;
        private double organizationShare = DEFAULT_ORGANIZATION_SHARE;
        private Set<ErpCountry> countries = Set.of();
        private int maxOrdersPerCustomer = DEFAULT_MAX_ORDERS_PER_CUSTOMER;
        private LocalDate asOf = DEFAULT_AS_OF;
        private int customersPerCommit = DEFAULT_CUSTOMERS_PER_COMMIT;

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder customers(int customers) {
            this.customers = customers;
            return this;
        }

        public Builder organizationShare(double organizationShare) {
            this.organizationShare = organizationShare;
            return this;
        }

        public Builder countries(Set<ErpCountry> countries) {
            this.countries = countries;
            return this;
        }

        public Builder maxOrdersPerCustomer(int maxOrdersPerCustomer) {
            this.maxOrdersPerCustomer = maxOrdersPerCustomer;
            return this;
        }

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder customersPerCommit(int customersPerCommit) {
            this.customersPerCommit = customersPerCommit;
            return this;
        }

        public SeedOptions build() {
            return new SeedOptions(seed, customers, organizationShare, countries, maxOrdersPerCustomer, asOf,
                    customersPerCommit);
        }
    }
}
