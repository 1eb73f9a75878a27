package io.rapport.connector.erp;

import java.util.Objects;

/**
 * What writing one customer did.
 *
 * @param partnerNo the partner written (for CREATED, the number the ERP gave it); null when it failed before one was known
 * @param extRef    the hub's customer id the customer was written with, or null
 * @param status    what happened
 * @param reason    why it failed; null otherwise
 */
public record ErpWriteOutcome(String partnerNo, String extRef, Status status, String reason) {

    public enum Status {
        /** A new partner. */
        CREATED,
        /** At least one column differed and was written. */
        UPDATED,
        /** Every given column already held the value: nothing written, so no trigger fired and no change event. */
        UNCHANGED,
        /** Not written; see the reason. The other customers of the call are written regardless. */
        FAILED
    }

    public ErpWriteOutcome {
        Objects.requireNonNull(status, "status");
    }

    static ErpWriteOutcome failed(String partnerNo, String extRef, String reason) {
        return new ErpWriteOutcome(partnerNo, extRef, Status.FAILED, reason);
    }
}
