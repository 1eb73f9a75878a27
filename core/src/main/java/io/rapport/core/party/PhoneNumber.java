package io.rapport.core.party;

/**
 * A phone number: {@code original} as the source wrote it, {@code e164} in E.164 form ({@code +4791234567}), or
 * null when the number is not valid for its region (the record then carries a quality issue for it).
 */
public record PhoneNumber(String original, String e164) {

    public boolean valid() {
        return e164 != null;
    }
}
