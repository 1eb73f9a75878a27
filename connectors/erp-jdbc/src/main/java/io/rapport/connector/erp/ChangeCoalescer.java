package io.rapport.connector.erp;

import io.rapport.connector.erp.ErpChange.Operation;
import io.rapport.connector.erp.internal.ChangeRow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds change rows into one entry per partner. The last partner-level operation wins (insert then update is an
 * update, update then delete a delete, delete then insert an insert); an address change counts as an update of its
 * partner unless the partner itself was inserted or deleted in the same batch.
 */
final class ChangeCoalescer {

    private static final class Entry {
        final String partnerNo;
        Operation operation;
        boolean partnerLevel;
        long lastSeq;
        final Set<String> changedBy = new LinkedHashSet<>();
        LocalDateTime capturedAt;

        Entry(String partnerNo) {
            this.partnerNo = partnerNo;
        }
    }

    private ChangeCoalescer() {
    }

    /** The entries, ordered by each partner's last change. */
    static List<ErpChange> coalesce(List<ChangeRow> rows) {
        List<ChangeRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingLong(ChangeRow::seq));
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ChangeRow row : ordered) {
            Entry entry = entries.computeIfAbsent(row.partnerNo(), Entry::new);
            if (row.isPartnerRow()) {
                // not Operation.of: one unreadable row would otherwise fail every poll, and the feed never pass it
                entry.operation = Operation.ofRow(row.operation());
                entry.partnerLevel = true;
            } else if (!entry.partnerLevel) {
                entry.operation = Operation.UPDATE;
            }
            entry.lastSeq = row.seq();
            entry.capturedAt = row.capturedAt();
            if (row.changedBy() != null) {
                entry.changedBy.add(row.changedBy());
            }
        }
        List<ErpChange> changes = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            changes.add(new ErpChange(e.partnerNo, e.operation, e.lastSeq, List.copyOf(e.changedBy), e.capturedAt));
        }
        changes.sort(Comparator.comparingLong(ErpChange::lastSeq));
        return changes;
    }
}
