package io.rapport.core.match;

import java.util.List;

/**
 * The fields the scorer compares, their comparison levels and the default m and u probability of each level.
 * The order of {@link #levels} is fixed: the comparators return a level's index. The names are the keys of
 * {@code fields} in {@code config/matching.yaml} and of {@link FieldScore#field()}.
 *
 * <p>Per field the default m (share of true matches at that level, both values present) add up to 1, and so do
 * the default u (share of non-matching pairs at that level). The u of agreement levels is the chance that two
 * different people agree that way (value frequency); m of the disagreement levels is how often a real duplicate
 * has a value too damaged to recognise.
 */
enum MatchField {

    GIVEN_NAME("given_name", true, List.of("different"),
            level("exact", 0.86, 0.01), level("nickname", 0.03, 0.002), level("close", 0.05, 0.004),
            level("phonetic", 0.015, 0.006), level("similar", 0.025, 0.03), level("initial", 0.01, 0.002),
            level("different_unlisted", 0.006, 0.15), level("different", 0.004, 0.796)),
    FAMILY_NAME("family_name", false, List.of(),
            level("exact", 0.88, 0.004), level("close", 0.06, 0.003), level("phonetic", 0.02, 0.006),
            level("similar", 0.02, 0.03), level("different", 0.02, 0.957)),
    BIRTH_DATE("birth_date", true, List.of("different"),
            level("exact", 0.88, 0.00004), level("day_month_swapped", 0.01, 0.00004),
            level("one_digit", 0.06, 0.0012), level("year_only", 0.02, 0.014), level("different", 0.03, 0.98472)),
    NATIONAL_ID("national_id", true, List.of("different"),
            level("exact", 0.92, 0.00001), level("one_edit", 0.04, 0.0001), level("two_edits", 0.015, 0.0015),
            level("different_format", 0.015, 0.05), level("different", 0.01, 0.94839)),
    EMAIL("email", true, List.of(),
            level("exact", 0.75, 0.0001), level("close", 0.02, 0.0005), level("different", 0.23, 0.9994)),
    PHONE("phone", false, List.of(),
            level("exact", 0.70, 0.001), level("close", 0.03, 0.001), level("different", 0.27, 0.998)),
    STREET_NUMBER("street_number", false, List.of(),
            level("exact", 0.86, 0.03), level("close", 0.03, 0.04), level("different", 0.11, 0.93)),
    STREET("street", false, List.of(),
            level("exact", 0.82, 0.004), level("close", 0.06, 0.003), level("different", 0.12, 0.993)),
    LOCALITY("locality", false, List.of(),
            level("exact", 0.86, 0.04), level("close", 0.04, 0.01), level("different", 0.10, 0.95)),
    POSTCODE("postcode", false, List.of(),
            level("exact", 0.84, 0.01), level("close", 0.04, 0.03), level("different", 0.12, 0.96)),
    REGION("region", false, List.of(),
            level("exact", 0.92, 0.25), level("different", 0.08, 0.75));

    static final MatchField[] ALL = values();

    final String key;
    final boolean identifying;
    final List<String> vetoLevels;
    final List<String> levels;
    final double[] defaultM;
    final double[] defaultU;

    MatchField(String key, boolean identifying, List<String> vetoLevels, Object[]... levels) {
        this.key = key;
        this.identifying = identifying;
        this.vetoLevels = vetoLevels;
        String[] names = new String[levels.length];
        this.defaultM = new double[levels.length];
        this.defaultU = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            names[i] = (String) levels[i][0];
            defaultM[i] = (Double) levels[i][1];
            defaultU[i] = (Double) levels[i][2];
        }
        this.levels = List.of(names);
    }

    private static Object[] level(String name, double m, double u) {
        return new Object[] {name, m, u};
    }

    int level(String name) {
        return levels.indexOf(name);
    }

    static MatchField byKey(String key) {
        for (MatchField field : ALL) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }
}
