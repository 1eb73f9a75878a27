package io.rapport.app.sync;

import io.rapport.core.party.PartyType;
import java.util.Map;
import java.util.Set;

/**
 * One customer to write to one store: its record there (null when the store has none yet and the write creates
 * it), every synced value the store should hold for it and which of them changed.
 */
public record StoreWrite(String customerId, PartyType type, String storeKey, Map<String, String> desired,
                         Set<String> changed) {
}
