package io.rapport.app.resolve;

import java.time.Instant;
import java.util.Set;

/**
 * Told, inside the resolution transaction, of every customer whose records or golden record a batch or a steward
 * decision changed. Whatever it writes commits or rolls back with the change itself (the sync engine's outbox).
 */
@FunctionalInterface
public interface CustomerChangeListener {

    CustomerChangeListener NONE = (customerIds, now) -> {
    };

    void changed(Set<String> customerIds, Instant now);
}
