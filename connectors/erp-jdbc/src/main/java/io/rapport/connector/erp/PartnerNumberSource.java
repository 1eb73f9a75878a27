package io.rapport.connector.erp;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where new partner numbers come from when the hub creates a customer in the ERP: the ERP's own numbering, never
 * the hub's, so numbers stay in the ranges the ERP's reports and interfaces expect.
 */
public interface PartnerNumberSource {

    /**
     * {@code count} unused partner numbers, taken inside the connection's current transaction (a rollback returns
     * them, or leaves a gap, as the ERP's numbering does).
     */
    List<String> next(Connection connection, int count) throws SQLException;
}
