package io.rapport.connector.erp;

import io.rapport.connector.erp.internal.CustomerQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads whole customers (partner and addresses) from the ERP: the ones a change feed named, by partner number, and
 * all of them page by page for the initial load and the reconciliation.
 */
public final class ErpCustomerReader {

    private final DataSource dataSource;

    public ErpCustomerReader(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The customers with these partner numbers, in the order asked, read in chunks of {@value CustomerQueries#CHUNK};
     * numbers the ERP no longer has (deleted partners) are left out.
     */
    public List<ErpCustomer> read(Collection<String> partnerNos) throws SQLException {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(partnerNos));
        if (wanted.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<String, ErpCustomer> found = CustomerQueries.by(connection, "partner_no", wanted, false);
            endReadTransaction(connection);
            return wanted.stream().map(found::get).filter(Objects::nonNull).toList();
        }
    }

    /**
     * The next page of a full scan: up to {@code pageSize} customers with a partner number after
     * {@code afterPartnerNo} (from the first when null), in partner number order. Keyset pagination: a page costs
     * the same at the end of a million partners as at the start, and partners added or removed meanwhile never
     * shift the pages.
     */
    public ErpCustomerPage page(String afterPartnerNo, int pageSize) throws SQLException {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<ErpCustomer> customers = CustomerQueries.page(connection, afterPartnerNo, pageSize);
            endReadTransaction(connection);
            String last = customers.isEmpty() ? null : customers.get(customers.size() - 1).partnerNo();
            return new ErpCustomerPage(customers, last, customers.size() == pageSize);
        }
    }

    private static void endReadTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
