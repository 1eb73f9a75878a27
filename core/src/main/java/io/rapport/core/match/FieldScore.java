package io.rapport.core.match;

/**
 * How one field of a pair compared: the field ({@code given_name}, ...), its comparison level ({@code exact},
 * {@code close}, {@code different}, {@code missing}, ...) and the weight the level added to the total. Names
 * swapped between the given and family fields are reported as level {@code transposed} on both, each with the
 * weight of how the swapped values compared. Locality and region are reported as {@code implied_by_postcode}
 * (weight 0) when the postcodes agree exactly.
 */
public record FieldScore(String field, String level, double weight) {

    public static final String MISSING = "missing";
    public static final String TRANSPOSED = "transposed";
    /** Locality and region when the postcodes agree exactly: their agreement is implied and adds nothing. */
    public static final String IMPLIED = "implied_by_postcode";
}
