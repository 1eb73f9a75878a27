package io.rapport.core.normalize;

import java.util.Locale;

/**
 * Settings of the {@link CustomerNormalizer}.
 *
 * @param defaultRegion the ISO 3166-1 alpha-2 country ({@code "AU"}, {@code "NO"}, {@code "US"}) assumed for a
 *                      record without a {@code country} column: it becomes the address country and decides how
 *                      national phone numbers, postcodes and ambiguous slash dates are read. Case-insensitive and
 *                      stored upper case; null or blank means none.
 */
public record NormalizationSettings(String defaultRegion) {

    public NormalizationSettings {
        if (defaultRegion != null) {
            String code = defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                code = null;
            } else if (!CountryCodes.isAlpha2(code)) {
                throw new IllegalArgumentException("defaultRegion must be an ISO 3166-1 alpha-2 country code such as"
                        + " NO, AU or US; got '" + defaultRegion + "'");
            }
            defaultRegion = code;
        }
    }

    /** No default region: records without a country stay without one. */
    public static NormalizationSettings withoutDefaultRegion() {
        return new NormalizationSettings(null);
    }
}
