package io.rapport.core.survivorship;

import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;
import java.util.TreeSet;

/**
 * The survivorship configuration: a {@link FieldRule} per golden-record field, and the {@code defaultRule} for the
 * configurable fields not listed. A plain record so that the app can bind config/survivorship.yaml into it.
 *
 * <p>A missing (null) {@code fields} map means the per-field rules of {@link #defaults()}; a given map replaces
 * them entirely (a field it does not list uses {@code defaultRule}, not its built-in default). A missing
 * {@code defaultRule} means {@code new FieldRule(null, null)} (most frequent, then most recent).
 *
 * @throws IllegalArgumentException for a field name that is not in {@link GoldenFields#CONFIGURABLE} (a typo would
 *                                  otherwise be silently ignored) or a field listed without a rule
 */
public record SurvivorshipRules(Map<String, FieldRule> fields, FieldRule defaultRule) {

    public SurvivorshipRules {
        if (fields == null) {
            fields = defaultFields();
        } else {
            Map<String, FieldRule> copy = new LinkedHashMap<>();
            for (Map.Entry<String, FieldRule> entry : fields.entrySet()) {
                String field = entry.getKey();
                if (field == null || !GoldenFields.CONFIGURABLE.contains(field)) {
                    throw new IllegalArgumentException("no survivorship rule can be set for field '" + field
                            + "'; configurable fields are " + new TreeSet<>(GoldenFields.CONFIGURABLE)
                            + " (emails/phones follow email/phone, social handles are a union, consents always"
                            + " follow the most recent statement per purpose)");
                }
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("field '" + field + "' is listed without a rule");
                }
                copy.put(field, entry.getValue());
            }
            fields = Collections.unmodifiableMap(copy);
        }
        defaultRule = defaultRule == null ? new FieldRule(null, null) : defaultRule;
    }

    /**
     * The built-in rules (documented in docs/survivorship.md, written out in config/survivorship.yaml):
     * <ul>
     *   <li>names and organization: most frequent, then most recent;</li>
     *   <li>email and phone: most recent (people change them; the latest statement is the likeliest to work);</li>
     *   <li>address: most recent, then most complete (the whole address survives as a unit);</li>
     *   <li>birth date and national id: most frequent, then source priority (none by default), then most recent;</li>
     *   <li>default rule: most frequent, then most recent.</li>
     * </ul>
     */
    public static SurvivorshipRules defaults() {
        return new SurvivorshipRules(null, null);
    }

    /** The rule that applies to {@code field}: its own, else {@link #defaultRule()}. */
    public FieldRule ruleFor(String field) {
        return fields.getOrDefault(field, defaultRule);
    }

    private static Map<String, FieldRule> defaultFields() {
        FieldRule names = FieldRule.of(Strategy.MOST_FREQUENT, Strategy.MOST_RECENT);
        FieldRule contact = FieldRule.of(Strategy.MOST_RECENT);
        FieldRule stable = FieldRule.of(Strategy.MOST_FREQUENT, Strategy.SOURCE_PRIORITY, Strategy.MOST_RECENT);
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        rules.put(GoldenFields.GIVEN_NAME, names);
        rules.put(GoldenFields.FAMILY_NAME, names);
        rules.put(GoldenFields.FULL_NAME, names);
        rules.put(GoldenFields.ORGANIZATION, names);
        rules.put(GoldenFields.EMAIL, contact);
        rules.put(GoldenFields.PHONE, contact);
        rules.put(GoldenFields.ADDRESS, FieldRule.of(Strategy.MOST_RECENT, Strategy.MOST_COMPLETE));
        rules.put(GoldenFields.BIRTH_DATE, stable);
        rules.put(GoldenFields.NATIONAL_ID, stable);
        return Collections.unmodifiableMap(rules);
    }
}
