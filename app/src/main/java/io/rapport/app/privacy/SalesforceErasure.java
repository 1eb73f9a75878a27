package io.rapport.app.privacy;

import io.rapport.app.sync.SalesforceStore;
import io.rapport.app.sync.StoreWriteResult;
import java.util.List;
import java.util.Map;

/**
 * Deletes the person's Contacts, Accounts and Leads in Salesforce by id, through sObject Collections on the Camel
 * Salesforce component (the same calls the sync engine deletes with; they carry the hub's call options, so the
 * change events they cause are known as the hub's own). A record already gone counts as deleted.
 */
final class SalesforceErasure implements ErasureTarget {

    private final SalesforceStore salesforce;

    SalesforceErasure(SalesforceStore salesforce) {
        this.salesforce = salesforce;
    }

    @Override
    public String store() {
        return SalesforceStore.NAME;
    }

    @Override
    public String erase(List<String> keys) {
        List<StoreWriteResult> results = salesforce.delete(keys.stream().map(key -> Map.entry(key, key)).toList());
        List<StoreWriteResult> refused = results.stream().filter(result -> !result.succeeded()).toList();
        if (!refused.isEmpty()) {
            throw new ErasureRefusedException(refused.size() + " of " + keys.size() + " record(s) refused; first: "
                    + refused.get(0).errorCode());
        }
        return results.size() + " deleted";
    }
}
