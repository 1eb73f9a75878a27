package io.rapport.core.sync;

/** What a record deleted in one store does to the same customer's records in the other stores. */
public enum DeletePolicy {
    /** The other stores' records are deleted too. */
    PROPAGATE,
    /** Nothing else is deleted; the deletion is reported for a person to decide. */
    FLAG
}
