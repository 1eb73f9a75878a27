package io.rapport.core.sync;

/** Where a store keeps its data: what data-residency rules are checked against. */
public enum StoreLocation {
    /** A vendor's cloud (Salesforce): fields tagged {@link Residency#ON_PREMISE_ONLY} never go there. */
    CLOUD,
    /** The company's own data centre (the ERP database). */
    ON_PREMISE
}
