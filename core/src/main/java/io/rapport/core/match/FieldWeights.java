package io.rapport.core.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one field counts in the Fellegi-Sunter score: per comparison level the m probability (how often a true
 * duplicate pair shows that level) and the u probability (how often two different people do). The level's weight
 * is {@code log2(m / u)}; a value missing on either side weighs 0.
 *
 * <p>Bound from {@code config/matching.yaml}; absent parts ({@code null}) take the field's defaults when the
 * {@link MatchSettings} is built, level by level, so a file may override one level's u and keep everything else.
 *
 * @param enabled     whether the field is compared at all (a disabled field weighs 0 and is not reported)
 * @param levels      level name to its m and u; levels not named keep their defaults
 * @param vetoLevels  levels that contradict identity outright ("different" given names, birth dates, national
 *                    ids): a pair showing one is not an automatic MATCH (at most POSSIBLE, for review) unless its
 *                    national ids agree; a pair showing two is NON_MATCH, and no identifier rule decides it
 * @param identifying whether agreement on this field (a level of at least 1 bit) is evidence about the person
 *                    rather than the household: an automatic MATCH needs at least one identifying field in
 *                    agreement, so that surname + address alone never merge two members of one family
 */
public record FieldWeights(Boolean enabled, Map<String, Level> levels, List<String> vetoLevels, Boolean identifying) {

    public FieldWeights {
        levels = levels == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        vetoLevels = vetoLevels == null ? null : List.copyOf(vetoLevels);
    }

    /**
     * m and u of one comparison level; each a probability in (0, 1].
     *
     * @param m share of true duplicate pairs (both values present) at this level
     * @param u share of pairs of different people (both values present) at this level
     */
    public record Level(Double m, Double u) {

        /** The level's weight, {@code log2(m / u)}: positive when the level is evidence for a match. */
        public double weight() {
            return Math.log(m) / Math.log(2) - Math.log(u) / Math.log(2);
        }
    }

    /** The defaults of a field named as in {@code config/matching.yaml} ({@code given_name}, ...). */
    public static FieldWeights defaultsFor(String field) {
        MatchField f = MatchField.byKey(field);
        if (f == null) {
            throw new IllegalArgumentException("unknown match field '" + field + "'; known: " + MatchSettings.FIELD_NAMES);
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        for (int i = 0; i < f.levels.size(); i++) {
            levels.put(f.levels.get(i), new Level(f.defaultM[i], f.defaultU[i]));
        }
        return new FieldWeights(true, levels, f.vetoLevels, f.identifying);
    }

    /** The weight of a level, {@code log2(m / u)}. */
    public double weight(String level) {
        Level l = levels == null ? null : levels.get(level);
        if (l == null) {
            throw new IllegalArgumentException("no level '" + level + "'");
        }
        return l.weight();
    }

    /** These weights with every absent part taken from {@code defaults}, validated. */
    FieldWeights resolved(String field, FieldWeights defaults) {
        Map<String, Level> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Level> e : defaults.levels().entrySet()) {
            Level given = levels == null ? null : levels.get(e.getKey());
            Level fallback = e.getValue();
            Level level = given == null ? fallback
                    : new Level(given.m() == null ? fallback.m() : given.m(), given.u() == null ? fallback.u() : given.u());
            check(field, e.getKey(), "m", level.m());
            check(field, e.getKey(), "u", level.u());
            merged.put(e.getKey(), level);
        }
        if (levels != null) {
            for (String name : levels.keySet()) {
                if (!defaults.levels().containsKey(name)) {
                    throw new IllegalArgumentException("match field '" + field + "' has no level '" + name
                            + "'; its levels are " + defaults.levels().keySet());
                }
            }
        }
        List<String> veto = vetoLevels == null ? defaults.vetoLevels() : vetoLevels;
        for (String name : veto) {
            if (!merged.containsKey(name)) {
                throw new IllegalArgumentException("match field '" + field + "' vetoLevels names unknown level '" + name
                        + "'; its levels are " + merged.keySet());
            }
        }
        return new FieldWeights(enabled == null ? defaults.enabled() : enabled, merged, veto,
                identifying == null ? defaults.identifying() : identifying);
    }

    private static void check(String field, String level, String name, Double p) {
        if (p == null || !(p > 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("match field '" + field + "' level '" + level + "': " + name
                    + " must be a probability in (0, 1], got " + p);
        }
    }
}
