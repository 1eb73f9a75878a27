package io.rapport.connector.erp;

import java.util.List;

/**
 * What one poll of the change feed found.
 *
 * @param changes     one entry per changed partner, in the order of their last change
 * @param watermark   where the next poll starts; save it (through a {@link WatermarkStore}) only after the changes
 *                    are safely handed on, so a crash re-reads them rather than losing them
 * @param rowsRead    change table rows read, before coalescing
 * @param gapsGivenUp missing sequence ranges no longer waited for (their transactions most likely rolled back)
 */
public record ErpChangeBatch(List<ErpChange> changes, ErpWatermark watermark, int rowsRead, int gapsGivenUp) {

    public ErpChangeBatch {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
