package io.rapport.connector.erp.internal;

import java.time.LocalDateTime;

/** One row of {@code rapport_change}. */
public record ChangeRow(long seq, String entity, String entityKey, String operation, String changedBy,
        LocalDateTime capturedAt) {

    /** The partner the changed row belongs to. */
    public String partnerNo() {
        return CapturedTable.partnerOf(entityKey);
    }

    public boolean isPartnerRow() {
        return entity.equals(CapturedTable.PARTNER);
    }
}
