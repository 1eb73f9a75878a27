package io.rapport.core.resolve;

/**
 * Why two source records are linked. Automatic links come from the matcher and are recomputed when a record
 * changes; manual ones come from a data steward and outlive any rescoring.
 */
public enum LinkKind {
    /** Scored at or above the match threshold: same customer. */
    MATCH,
    /** Scored between the review and the match threshold: a data steward should decide. */
    POSSIBLE,
    /** A data steward said: same customer. */
    MANUAL_MATCH,
    /** A data steward said: not the same customer, whatever the score. */
    MANUAL_NO_MATCH;

    public boolean manual() {
        return this == MANUAL_MATCH || this == MANUAL_NO_MATCH;
    }

    /** Whether this link puts its two records into one cluster. */
    public boolean joins() {
        return this == MATCH || this == MANUAL_MATCH;
    }
}
