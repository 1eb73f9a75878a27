package io.rapport.core.customer;

import java.util.regex.Pattern;

/**
 * The name of a source system ({@code crm-eu}, {@code erp_main}, {@code webshop}). It appears in queue
 * headers, folder names and cross-reference exports, so it is kept to a safe, short alphabet.
 */
public record SourceName(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public SourceName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("source name must be 1-64 characters of letters, digits, '_', '.' or '-',"
                    + " starting with a letter or digit; got " + (value == null ? "nothing" : "'" + abbreviate(value) + "'"));
        }
    }

    public static SourceName of(String value) {
        return new SourceName(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 70 ? value : value.substring(0, 67) + "...";
    }

    @Override
    public String toString() {
        return value;
    }
}
