package io.rapport.core.social.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text with placeholders such as {@code ${author.handle}}, compiled against the placeholders its place allows, so a
 * misspelt or out-of-place placeholder is a load error rather than a Lead that says {@code ${autor.handle}}.
 * {@code $${} writes a literal {@code ${}. A placeholder whose value the post does not have (a post without a link)
 * renders as nothing.
 */
public final class Template {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*");

    private final String source;
    private final List<String> parts;          // literal, placeholder, literal, placeholder, ...
    private final Set<String> placeholders;

    private Template(String source, List<String> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        this.placeholders = Collections.unmodifiableSet(names);
    }

    /** A template without placeholders. */
    public static Template literal(String text) {
        return new Template(text.replace("${", "$${"), List.of(text));
    }

    /**
     * @param allowed the placeholders this template's place offers ({@link Placeholders})
     * @throws TemplateException for an unknown or unavailable placeholder, or a {@code ${} that is not closed
     */
    public static Template compile(String text, Set<String> allowed) {
        Objects.requireNonNull(text, "text");
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new TemplateException("placeholder ${ at character " + (i + 1) + " is not closed with }", i);
                }
                String name = text.substring(i + 2, end).strip();
                check(name, allowed, i);
                parts.add(literal.toString());
                parts.add(name);
                literal.setLength(0);
                i = end + 1;
            } else {
                literal.append(text.charAt(i));
                i++;
            }
        }
        parts.add(literal.toString());
        return new Template(text, parts);
    }

    private static void check(String name, Set<String> allowed, int offset) {
        if (allowed.contains(name)) {
            return;
        }
        if (!NAME.matcher(name).matches()) {
            throw new TemplateException("placeholder ${" + name + "} is not a name like ${author.handle}", offset);
        }
        String why = Placeholders.ALL.contains(name) ? " is not available here: " + Placeholders.whyUnavailable(name)
                : " is unknown" + DidYouMean.closest(name, allowed).map(m -> " (did you mean ${" + m + "}?)")
                        .orElse("; known here: " + String.join(", ", allowed.stream().sorted().toList()));
        throw new TemplateException("placeholder ${" + name + "}" + why, offset);
    }

    /** The text with each placeholder replaced by its value; placeholders without a value render as nothing. */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i += 2) {
            String value = values.get(parts.get(i));
            out.append(value == null ? "" : value).append(parts.get(i + 1));
        }
        return out.toString();
    }

    public Set<String> placeholders() {
        return placeholders;
    }

    /** The text as written. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Template that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }
}
