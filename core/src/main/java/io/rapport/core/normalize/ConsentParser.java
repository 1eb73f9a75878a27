package io.rapport.core.normalize;

import io.rapport.core.party.Consent;
import java.util.Locale;

/**
 * Consent columns: {@code consent_<purpose>} (e.g. {@code consent_email}, {@code consent_profiling}) holding a
 * yes/no value. The purpose is the rest of the column name in lower case.
 */
final class ConsentParser {

    static final String PREFIX = "consent_";

    /** True for a column name of the form consent_&lt;purpose&gt; (any case) with a non-empty purpose. */
    static boolean isConsentColumn(String column) {
        return column.length() > PREFIX.length() && column.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The consent the column states, or null (with a quality issue on the column) when its value is not yes/no. */
    Consent parse(String column, String raw, Issues issues) {
        Boolean granted = BooleanFlag.parse(raw);
        if (granted == null) {
            issues.add(column, BooleanFlag.NOT_A_FLAG);
            return null;
        }
        return new Consent(column.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT), granted);
    }
}
