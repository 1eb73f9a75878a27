package io.rapport.core.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The canonical customer CSV import contract: header row, UTF-8, RFC 4180 quoting, any subset of the known
 * columns in any order. Unknown columns are kept as extra attributes; only {@code source_id} is required.
 */
public final class CustomerCsvContract {

    public static final String SOURCE_ID = "source_id";

    public static final List<String> KNOWN_COLUMNS = List.of(
            SOURCE_ID, "given_name", "family_name", "full_name", "organization", "email", "phone",
            "street_number", "street", "address_line2", "locality", "region", "postcode", "country",
            "birth_date", "national_id", "social_handle");

    private CustomerCsvContract() {
    }

    /** Header names match case-insensitively and ignore surrounding blanks: {@code " Email"} is {@code email}. */
    public static String canonicalColumnName(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}
