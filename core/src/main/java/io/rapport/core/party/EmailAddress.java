package io.rapport.core.party;

/**
 * An email address: {@code original} as the source wrote it, {@code canonical} the form used for matching and
 * sending (trimmed, lower-cased domain and local part, IDN domain in ASCII), or null when the address is invalid
 * (the record then carries a quality issue for it). {@code verified} is the source's claim that the address was
 * confirmed by its owner; only verified addresses decide a match on their own.
 */
public record EmailAddress(String original, String canonical, boolean verified) {

    public boolean valid() {
        return canonical != null;
    }
}
