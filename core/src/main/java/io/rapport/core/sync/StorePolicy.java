package io.rapport.core.sync;

import java.util.Objects;

/** One store the hub keeps consistent: where it is located. */
public record StorePolicy(StoreLocation location) {

    public StorePolicy {
        Objects.requireNonNull(location, "location");
    }
}
