package io.rapport.core.survivorship;

import java.util.Locale;

/**
 * How survivorship chooses one value among the candidates that the members of a golden record offer for a field.
 * A {@link FieldRule} applies its strategies in order, each one as a tie-breaker for the ones before it; a final
 * tie-break on the smallest {@link io.rapport.core.party.SourceRef#key()} makes the choice deterministic.
 */
public enum Strategy {

    /**
     * The source listed first in {@link FieldRule#sourcePriority()} wins; sources not listed rank after every
     * listed one (and tie among themselves).
     */
    SOURCE_PRIORITY,

    /** The value from the record with the latest {@link io.rapport.core.party.SourceRef#timestamp()} wins. */
    MOST_RECENT,

    /**
     * The most complete value wins: for names and other text more words, then more characters; for an address
     * more non-empty parts; for email and phone the longer canonical form; for a national id the longer value.
     */
    MOST_COMPLETE,

    /**
     * The value that most members state wins. Text counts as equal by its matching key
     * ({@link io.rapport.core.normalize.TextKey#of(String)}: case, width and spacing do not matter).
     */
    MOST_FREQUENT;

    /** The name recorded as the deciding rule in lineage: {@code source_priority}, {@code most_recent}, ... */
    public String ruleName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
