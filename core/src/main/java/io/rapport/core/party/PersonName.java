package io.rapport.core.party;

/**
 * A person's name as the source wrote it (display form, never rewritten). {@code full} is what the source gave
 * as one string, if it did; given and family may be absent.
 */
public record PersonName(String given, String family, String full) {

    public static final PersonName NONE = new PersonName(null, null, null);

    public boolean isEmpty() {
        return given == null && family == null && full == null;
    }

    /** The name to show: the source's full name, else given and family joined. */
    public String display() {
        if (full != null) {
            return full;
        }
        if (given == null) {
            return family;
        }
        return family == null ? given : given + " " + family;
    }
}
