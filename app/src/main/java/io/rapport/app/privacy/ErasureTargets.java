package io.rapport.app.privacy;

import io.rapport.app.sync.ErpDatabase;
import io.rapport.app.sync.SalesforceStore;
import io.rapport.connector.erp.ErpCustomerWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stores an erasure can reach in this hub, by name. */
public final class ErasureTargets {

    private final Map<String, ErasureTarget> byStore;

    private ErasureTargets(Map<String, ErasureTarget> byStore) {
        this.byStore = Map.copyOf(byStore);
    }

    /** @param salesforce null when store sync is off; likewise {@code erp} */
    public static ErasureTargets of(SalesforceStore salesforce, ErpDatabase erp, ErpCustomerWriter.ErasureMode mode) {
        Map<String, ErasureTarget> targets = new LinkedHashMap<>();
        if (salesforce != null) {
            targets.put(SalesforceStore.NAME, new SalesforceErasure(salesforce));
        }
        if (erp != null) {
            ErpErasure eraser = new ErpErasure(new ErpCustomerWriter(erp.dataSource()), mode);
            targets.put(eraser.store(), eraser);
        }
        return new ErasureTargets(targets);
    }

    public Map<String, ErasureTarget> byStore() {
        return byStore;
    }
}
