package io.rapport.core.sync;

/**
 * How a conflict on one field is settled: two stores changed the field to different values since the last time
 * they agreed.
 */
public enum ConflictRule {
    /** The field's owner store wins; when neither side is the owner, {@link #LATEST_WINS} decides. */
    OWNER_WINS,
    /**
     * The later change wins. Two changes closer than the policy's clock-skew tolerance are treated as simultaneous,
     * because the stores' clocks cannot be trusted to that precision: then the owner wins, and without an owner the
     * value already agreed stays.
     */
    LATEST_WINS,
    /** Nobody wins automatically: the agreed value stays, the field is held back for the conflict and a steward decides. */
    MANUAL
}
