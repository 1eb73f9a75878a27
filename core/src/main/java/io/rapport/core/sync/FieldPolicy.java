package io.rapport.core.sync;

/**
 * The sync rules of one field: which store owns it (null: nobody, every store may change it), how a conflict on it
 * is settled, where its value may travel and whether it is masked wherever it is shown (logs, conflict log).
 * Missing values take their defaults: no owner, {@link ConflictRule#OWNER_WINS}, {@link Residency#ANYWHERE}, not
 * sensitive; an on-premise-only field is always sensitive.
 */
public record FieldPolicy(String owner, ConflictRule onConflict, Residency residency, Boolean sensitive) {

    public FieldPolicy {
        onConflict = onConflict == null ? ConflictRule.OWNER_WINS : onConflict;
        residency = residency == null ? Residency.ANYWHERE : residency;
        sensitive = residency == Residency.ON_PREMISE_ONLY || Boolean.TRUE.equals(sensitive);
    }

    public boolean isSensitive() {
        return sensitive;
    }
}
