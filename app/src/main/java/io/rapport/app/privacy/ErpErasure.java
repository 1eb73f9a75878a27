package io.rapport.app.privacy;

import io.rapport.app.sync.ErpStore;
import io.rapport.app.sync.StoreUnavailableException;
import io.rapport.connector.erp.ErpCustomerWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Erases the person's business partners in the ERP database over JDBC, as {@code rapport.privacy.erp-erasure} says:
 * ANONYMIZE (default: personal columns emptied, addresses deleted, partner blocked; the books keep their partner) or
 * DELETE (the row deleted unless orders or invoices name it, then anonymized).
 */
final class ErpErasure implements ErasureTarget {

    private final ErpCustomerWriter writer;
    private final ErpCustomerWriter.ErasureMode mode;

    ErpErasure(ErpCustomerWriter writer, ErpCustomerWriter.ErasureMode mode) {
        this.writer = writer;
        this.mode = mode;
    }

    @Override
    public String store() {
        return ErpStore.NAME;
    }

    @Override
    public String erase(List<String> keys) {
        Map<String, String> done;
        try {
            done = writer.erase(keys, mode);
        } catch (SQLException e) {
            throw new StoreUnavailableException("the ERP database could not be written: SQL state " + e.getSQLState(),
                    e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        done.values().forEach(action -> counts.merge(action.toLowerCase(), 1, Integer::sum));
        int gone = keys.size() - done.size();
        if (gone > 0) {
            counts.put("already gone", gone);
        }
        StringBuilder outcome = new StringBuilder();
        counts.forEach((action, count) -> outcome.append(outcome.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(action));
        return outcome.toString();
    }
}
