package io.rapport.connector.salesforce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one Salesforce field is made of synced fields: {@code "{family_name}"}, or several joined by literal text,
 * {@code "{street} {street_number}"}. Rendering joins the non-empty values with the text between them; parsing
 * matches the template as a pattern in which the last placeholder takes the shortest tail.
 *
 * <p>Parsing a joined value is ambiguous ({@code "Rue de la Paix"} with no house number parses as street
 * {@code "Rue de la"}, number {@code "Paix"}), so a reader first checks whether the Salesforce value is exactly
 * what the expected values render to, and only parses a value somebody changed ({@link #read}). Without that, the
 * hub's own write read back would look like a change and be sent again, forever.
 */
public final class FieldTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

    private final String template;
    private final List<String> fields;
    private final List<String> separators;
    private final String prefix;
    private final String suffix;
    private final Pattern pattern;

    private FieldTemplate(String template, List<String> fields, List<String> separators, String prefix, String suffix) {
        this.template = template;
        this.fields = List.copyOf(fields);
        this.separators = List.copyOf(separators);
        this.prefix = prefix;
        this.suffix = suffix;
        StringBuilder regex = new StringBuilder("^").append(Pattern.quote(prefix));
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                regex.append(Pattern.quote(separators.get(i - 1)));
            }
            regex.append(i == fields.size() - 1 ? "(.+?)" : "(.+)");
        }
        this.pattern = Pattern.compile(regex.append(Pattern.quote(suffix)).append('$').toString(), Pattern.DOTALL);
    }

    /** @throws IllegalArgumentException for a template without a placeholder, or two placeholders with nothing between */
    public static FieldTemplate parse(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        List<String> fields = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        String prefix = null;
        int end = 0;
        while (matcher.find()) {
            String literal = template.substring(end, matcher.start());
            if (prefix == null) {
                prefix = literal;
            } else if (literal.isEmpty()) {
                throw new IllegalArgumentException("template '" + template + "' joins two fields with nothing between"
                        + " them, so a value could not be split back");
            } else {
                separators.add(literal);
            }
            fields.add(matcher.group(1));
            end = matcher.end();
        }
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("template '" + template + "' names no field; write it as {field_name}");
        }
        return new FieldTemplate(template, fields, separators, prefix, template.substring(end));
    }

    public List<String> fields() {
        return fields;
    }

    /** The Salesforce value for these synced values; null when every field is empty. */
    public String render(Map<String, String> values) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String value = values.get(fields.get(i));
            if (value == null || value.isBlank()) {
                continue;
            }
            if (!joined.isEmpty()) {
                joined.append(separators.get(i - 1));
            }
            joined.append(value.strip());
        }
        return joined.isEmpty() ? null : prefix + joined + suffix;
    }

    /**
     * The synced values a Salesforce value stands for: the expected ones when it is exactly what they render to,
     * otherwise the value parsed (a value that does not fit the template goes whole into the first field).
     */
    public Map<String, String> read(String salesforceValue, Map<String, String> expected) {
        Map<String, String> values = new LinkedHashMap<>();
        String value = salesforceValue == null || salesforceValue.isBlank() ? null : salesforceValue.strip();
        if (value == null) {
            fields.forEach(field -> values.put(field, null));
            return values;
        }
        if (value.equals(render(expected))) {
            fields.forEach(field -> values.put(field, expected.get(field)));
            return values;
        }
        Matcher matcher = fields.size() == 1 ? null : pattern.matcher(value);
        if (matcher != null && matcher.matches()) {
            for (int i = 0; i < fields.size(); i++) {
                values.put(fields.get(i), matcher.group(i + 1).strip());
            }
            return values;
        }
        String whole = fields.size() == 1 ? stripAffixes(value) : value;
        values.put(fields.get(0), whole);
        fields.subList(1, fields.size()).forEach(field -> values.put(field, null));
        return Collections.unmodifiableMap(values);
    }

    private String stripAffixes(String value) {
        if (value.length() >= prefix.length() + suffix.length() && value.startsWith(prefix) && value.endsWith(suffix)) {
            return value.substring(prefix.length(), value.length() - suffix.length());
        }
        return value;
    }

    @Override
    public String toString() {
        return template;
    }
}
