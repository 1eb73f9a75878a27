package io.rapport.app.social.rules;

import io.rapport.app.social.rules.YamlNodes.Entry;
import io.rapport.core.social.TextEnricher;
import io.rapport.core.social.rules.Condition;
import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.DidYouMean;
import io.rapport.core.social.rules.SocialFacts;
import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a {@code when}: a rule's condition, or an assignment rule's. */
final class ConditionReader {

    static final List<String> ASSIGNMENT_KEYS = List.of("intent", "sentiment", "scoreBelow", "scoreAbove",
            "influenceAtLeast", "influenceAtMost", "degreeAtLeast", "degreeAtMost", "followersAtLeast", "verified",
            "author", "minConfidence", "linkedBy", "language", "country", "platform", "source", "hashtags",
            "mentions", "keywords");
    static final List<String> RULE_KEYS = concat(ASSIGNMENT_KEYS, List.of("includeReposts", "includeDuplicates"));

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, AuthorKind> AUTHORS = choices(AuthorKind.values(),
            kind -> kind.name().toLowerCase(Locale.ROOT));
    private static final Map<String, LinkMethod> LINK_METHODS = choices(LinkMethod.values(), LinkMethod::key);

    /** The condition read, or null when it has problems; the author kind is known even then (for template checks). */
    record Result(Condition condition, AuthorKind author) {
    }

    private final YamlNodes yaml;

    ConditionReader(YamlNodes yaml) {
        this.yaml = yaml;
    }

    /**
     * @param node    the {@code when} value; null when the rule has none (matches every post)
     * @param forRule a rule's condition (reposts and duplicates left out unless included), else an assignment's
     */
    Result read(Node node, String where, boolean forRule) {
        int before = yaml.problemCount();
        Map<String, Entry> keys = yaml.mapping(node, where, forRule ? RULE_KEYS : ASSIGNMENT_KEYS);
        if (keys == null) {
            return new Result(null, AuthorKind.ANY);
        }
        Condition.Builder builder = Condition.builder();
        if (!forRule) {
            builder.includeReposts(true).includeDuplicates(true);
        }
        AuthorKind author = AuthorKind.ANY;
        boolean authorRead = true;
        if (keys.containsKey("author")) {
            AuthorKind kind = yaml.choice(keys.get("author").value(), where + ".author", AUTHORS);
            authorRead = kind != null;
            author = authorRead ? kind : AuthorKind.ANY;
            builder.author(author);
        }
        for (Map.Entry<String, Entry> key : keys.entrySet()) {
            // a misspelt author is one problem, not also one for each link test that depends on it
            read(builder, key.getKey(), key.getValue(), where + "." + key.getKey(), authorRead ? author : null);
        }
        checkBounds(keys, where, "scoreAbove", "scoreBelow", true);
        checkBounds(keys, where, "influenceAtLeast", "influenceAtMost", false);
        checkBounds(keys, where, "degreeAtLeast", "degreeAtMost", false);
        if (yaml.problemCount() > before) {
            return new Result(null, author);
        }
        try {
            return new Result(builder.build(), author);
        } catch (IllegalArgumentException e) {
            yaml.problem(node, where + ": " + e.getMessage());
            return new Result(null, author);
        }
    }

    private void read(Condition.Builder builder, String key, Entry entry, String where, AuthorKind author) {
        Node value = entry.value();
        switch (key) {
            case "intent" -> words(value, where, SocialFacts.INTENTS, "intent").ifPresent(builder::intents);
            case "sentiment" -> words(value, where, SocialFacts.SENTIMENTS, "sentiment label")
                    .ifPresent(builder::sentiments);
            case "scoreBelow" -> builder.scoreBelow(yaml.number(value, where, -1, 1));
            case "scoreAbove" -> builder.scoreAbove(yaml.number(value, where, -1, 1));
            case "influenceAtLeast" -> builder.influenceAtLeast(integer(yaml.whole(value, where, 0, 100)));
            case "influenceAtMost" -> builder.influenceAtMost(integer(yaml.whole(value, where, 0, 100)));
            case "degreeAtLeast" -> builder.degreeAtLeast(integer(yaml.whole(value, where, 1, 6)));
            case "degreeAtMost" -> builder.degreeAtMost(integer(yaml.whole(value, where, 1, 6)));
            case "followersAtLeast" -> builder.followersAtLeast(yaml.whole(value, where, 0, Long.MAX_VALUE));
            case "verified" -> builder.verified(yaml.bool(value, where));
            case "minConfidence" -> {
                needsKnown(entry, where, author);
                builder.minConfidence(yaml.number(value, where, 0, 1));
            }
            case "linkedBy" -> {
                needsKnown(entry, where, author);
                List<ScalarNode> values = yaml.scalars(value, where);
                if (values != null) {
                    List<LinkMethod> methods = new ArrayList<>();
                    for (ScalarNode method : values) {
                        LinkMethod read = yaml.choice(method, where, LINK_METHODS);
                        if (read != null) {
                            methods.add(read);
                        }
                    }
                    builder.linkedBy(methods);
                }
            }
            case "language" -> languages(value, where).ifPresent(builder::languages);
            case "country" -> countries(value, where).ifPresent(builder::countries);
            case "platform" -> texts(value, where).ifPresent(builder::platforms);
            case "source" -> texts(value, where).ifPresent(builder::sources);
            case "hashtags" -> texts(value, where).ifPresent(builder::hashtags);
            case "mentions" -> texts(value, where).ifPresent(builder::mentions);
            case "keywords" -> texts(value, where).ifPresent(builder::keywords);
            case "includeReposts" -> builder.includeReposts(Boolean.TRUE.equals(yaml.bool(value, where)));
            case "includeDuplicates" -> builder.includeDuplicates(Boolean.TRUE.equals(yaml.bool(value, where)));
            case "author" -> { } // read first, the link tests depend on it
            default -> throw new IllegalStateException("key without reader: " + key);
        }
    }

    private void needsKnown(Entry entry, String where, AuthorKind author) {
        if (author != null && author != AuthorKind.KNOWN) {
            yaml.problem(entry.key(), where + " tests the customer link: it needs author: known");
        }
    }

    /** A lower and an upper bound that no value fits: the condition could never match. */
    private void checkBounds(Map<String, Entry> keys, String where, String lowKey, String highKey, boolean strict) {
        Entry low = keys.get(lowKey);
        Entry high = keys.get(highKey);
        Double lowValue = low == null ? null : plainNumber(low.value());
        Double highValue = high == null ? null : plainNumber(high.value());
        if (lowValue != null && highValue != null && (strict ? lowValue >= highValue : lowValue > highValue)) {
            yaml.problem(high.key(), where + ": " + lowKey + " " + ((ScalarNode) low.value()).getValue() + " and "
                    + highKey + " " + ((ScalarNode) high.value()).getValue() + " never match together");
        }
    }

    private static Double plainNumber(Node node) {
        try {
            return node instanceof ScalarNode scalar ? Double.valueOf(scalar.getValue()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<List<String>> words(Node node, String where, Set<String> known, String what) {
        List<ScalarNode> values = yaml.scalars(node, where);
        if (values == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        boolean ok = true;
        for (ScalarNode value : values) {
            String word = value.getValue().strip().toLowerCase(Locale.ROOT);
            if (known.contains(word)) {
                words.add(word);
            } else {
                yaml.problem(value, where + ": unknown " + what + " " + value.getValue()
                        + DidYouMean.hint(word, known) + "; one of " + YamlNodes.joined(known));
                ok = false;
            }
        }
        return ok ? Optional.of(words) : Optional.empty();
    }

    private Optional<List<String>> languages(Node node, String where) {
        List<ScalarNode> values = yaml.scalars(node, where);
        if (values == null) {
            return Optional.empty();
        }
        List<String> languages = new ArrayList<>();
        boolean ok = true;
        for (ScalarNode value : values) {
            String language = value.getValue().strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (language.equals(TextEnricher.UNDETERMINED) || LANGUAGE.matcher(language).matches()) {
                languages.add(language);
            } else {
                yaml.problem(value, where + ": " + value.getValue() + " is not a BCP 47 language tag such as en,"
                        + " pt-BR or und");
                ok = false;
            }
        }
        return ok ? Optional.of(languages) : Optional.empty();
    }

    private Optional<List<String>> countries(Node node, String where) {
        List<ScalarNode> values = yaml.scalars(node, where);
        if (values == null) {
            return Optional.empty();
        }
        List<String> countries = new ArrayList<>();
        boolean ok = true;
        for (ScalarNode value : values) {
            String country = value.getValue().strip().toUpperCase(Locale.ROOT);
            if (COUNTRIES.contains(country)) {
                countries.add(country);
            } else {
                yaml.problem(value, where + ": " + value.getValue() + " is not an ISO 3166-1 alpha-2 country code"
                        + " such as NO, DE or US");
                ok = false;
            }
        }
        return ok ? Optional.of(countries) : Optional.empty();
    }

    private Optional<List<String>> texts(Node node, String where) {
        List<ScalarNode> values = yaml.scalars(node, where);
        return values == null ? Optional.empty()
                : Optional.of(values.stream().map(ScalarNode::getValue).map(String::strip).toList());
    }

    private static Integer integer(Long value) {
        return value == null ? null : value.intValue();
    }

    static <E> Map<String, E> choices(E[] values, Function<E, String> name) {
        Map<String, E> choices = new LinkedHashMap<>();
        Arrays.stream(values).forEach(value -> choices.put(name.apply(value), value));
        return choices;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
