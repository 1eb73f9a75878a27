package io.rapport.core.sync;

/** Where a field's value may travel. */
public enum Residency {
    /** Any store the field is synced to. */
    ANYWHERE,
    /** Only stores located {@link StoreLocation#ON_PREMISE}: never a cloud store, its messages or the hub's logs. */
    ON_PREMISE_ONLY
}
