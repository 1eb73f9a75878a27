package io.rapport.core.match;

/**
 * How one field of a pair compared: the field ({@code given_name}, ...), its comparison level ({@code exact},
 * {@code close}, {@code different}, {@code missing}, ...) and the weight the level added to the total. Names
 * swapped between the given and family fields are reported as level {@code transposed} on both, each with the
 * weight of how the swapped values compared. Address fields whose comparison another field already stated are
 * reported as {@link #IMPLIED_BY_POSTCODE} or {@link #IMPLIED_BY_STREET}, weight 0.
 */
public record FieldScore(String field, String level, double weight) {

    public static final String MISSING = "missing";
    public static final String TRANSPOSED = "transposed";
    /**
     * Locality and region when the postcodes agree exactly, or when the postcodes differ and so do they: the
     * postcode already said it, and it is not counted twice.
     */
    public static final String IMPLIED_BY_POSTCODE = "implied_by_postcode";
    /** A different house number on a different street: the street already said it. */
    public static final String IMPLIED_BY_STREET = "implied_by_street";
}
