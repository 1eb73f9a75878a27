package io.rapport.connector.erp;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One business partner that changed since the last poll: the partner's own row or one of its addresses, perhaps
 * several times, coalesced into one entry. The hub reads the partner's current state by its number; the operation
 * says whether it still exists.
 *
 * @param partnerNo  the partner's number
 * @param operation  the last partner-level operation; an address change alone counts as an update
 * @param lastSeq    the change table's sequence number of the partner's last change in this batch
 * @param changedBy  who made the changes, each once, in the order they first changed it: an ERP user, the hub's
 *                   sync user, or for deletes and unstamped updates the database user
 * @param capturedAt when the database captured the last change (its local time)
 */
public record ErpChange(String partnerNo, Operation operation, long lastSeq, List<String> changedBy,
        LocalDateTime capturedAt) {

    public enum Operation {
        INSERT, UPDATE, DELETE;

        static Operation of(String code) {
            return switch (code.strip()) {
                case "I" -> INSERT;
                case "U" -> UPDATE;
                case "D" -> DELETE;
                default -> throw new IllegalArgumentException("unknown change operation '" + code + "'");
            };
        }

        /**
         * The operation of a change row; a code no trigger writes (a row added by hand) counts as an update: the row
         * still says the partner changed, and reading the partner tells how (a partner that is gone is left out).
         */
        static Operation ofRow(String code) {
            return code != null && code.strip().matches("[IUD]") ? of(code) : UPDATE;
        }
    }

    public ErpChange {
        Objects.requireNonNull(partnerNo, "partnerNo");
        Objects.requireNonNull(operation, "operation");
        changedBy = List.copyOf(changedBy);
    }

    /**
     * Whether every coalesced change was made by {@code user}: the hub passes its own sync user to skip its own
     * writes coming back (loop prevention) without skipping a change someone else made in between.
     */
    public boolean madeOnlyBy(String user) {
        return !changedBy.isEmpty() && changedBy.stream().allMatch(user::equals);
    }
}
