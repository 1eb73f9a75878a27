package io.rapport.core.party;

/**
 * A postal address. Street, line 2, locality and region are display values as the source wrote them; {@code
 * postcode} is normalized (upper case, single spaces) and {@code country} is an ISO 3166-1 alpha-2 code, or null
 * when the source gave none and no default region applies, or gave one that is not a country (a quality issue).
 */
public record PostalAddress(String streetNumber, String street, String line2, String locality, String region,
                            String postcode, String country) {

    public static final PostalAddress NONE = new PostalAddress(null, null, null, null, null, null, null);

    public boolean isEmpty() {
        return streetNumber == null && street == null && line2 == null && locality == null && region == null
                && postcode == null;
    }
}
