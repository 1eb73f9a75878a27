package io.rapport.app.social.rules;

import io.rapport.core.social.rules.DidYouMean;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of a composed YAML document that never stops at the first mistake: each reader records what is wrong
 * with the node's line and column and returns null, so one load reports every problem of the file.
 */
final class YamlNodes {

    /** A key of a mapping and its value. */
    record Entry(ScalarNode key, Node value) {
    }

    private final String file;
    private final String source;
    private final List<Integer> lineStarts = new ArrayList<>();
    private final List<RuleFileProblem> problems = new ArrayList<>();

    YamlNodes(String file, String source) {
        this.file = file;
        this.source = source;
        lineStarts.add(0);
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    String file() {
        return file;
    }

    int problemCount() {
        return problems.size();
    }

    List<RuleFileProblem> problems() {
        return problems.stream().sorted().toList();
    }

    void problem(Node node, String message) {
        problems.add(new RuleFileProblem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1,
                message));
    }

    void problem(int line, int column, String message) {
        problems.add(new RuleFileProblem(file, line, column, message));
    }

    /**
     * Points at the {@code n}-th {@code ${} of a scalar's value in the file as written, so a placeholder problem in a
     * multi-line block is reported on its own line, not on the line the block starts.
     */
    void problemInScalar(ScalarNode node, int valueOffset, String message) {
        String value = node.getValue();
        int ordinal = occurrencesBefore(value, valueOffset);
        int start = source.offsetByCodePoints(0, node.getStartMark().getIndex());
        int end = source.offsetByCodePoints(0, node.getEndMark().getIndex());
        int at = start;
        int found = -1;
        for (int seen = 0; seen <= ordinal; seen++) {
            found = nextPlaceholder(source, at, end);
            if (found < 0) {
                break;
            }
            at = found + 2;
        }
        if (found < 0) {
            problem(node, message);
            return;
        }
        int line = lineOf(found);
        problems.add(new RuleFileProblem(file, line + 1, found - lineStarts.get(line) + 1, message));
    }

    private static int occurrencesBefore(String value, int offset) {
        int count = 0;
        int at = nextPlaceholder(value, 0, value.length());
        while (at >= 0 && at < offset) {
            count++;
            at = nextPlaceholder(value, at + 2, value.length());
        }
        return count;
    }

    /** The next {@code ${} that is not the escape {@code $${}. */
    private static int nextPlaceholder(String text, int from, int to) {
        int at = text.indexOf("${", from);
        while (at >= 0 && at < to) {
            if (at > 0 && text.charAt(at - 1) == '$' && !(at > 1 && text.charAt(at - 2) == '$')) {
                at = text.indexOf("${", at + 2);
                continue;
            }
            return at;
        }
        return -1;
    }

    private int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (lineStarts.get(mid) <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /**
     * The entries of a mapping, after checking that each key is known and appears once; an absent or empty value is
     * an empty mapping. Null (with the problem recorded) when the node is no mapping.
     *
     * @param known the keys allowed; null for any key
     */
    Map<String, Entry> mapping(Node node, String where, Collection<String> known) {
        if (isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            problem(node, where + " must be a mapping (key: value lines), not " + kind(node));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || isNull(key)) {
                problem(tuple.getKeyNode(), where + ": a key must be a plain name, not " + kind(tuple.getKeyNode()));
                continue;
            }
            String name = key.getValue();
            if (known != null && !known.contains(name)) {
                problem(key, where + ": unknown key " + name + hint(name, known));
                continue;
            }
            Entry first = entries.get(name);
            if (first != null) {
                problem(key, where + ": " + name + " is given twice (first on line "
                        + (first.key().getStartMark().getLine() + 1) + ")");
                continue;
            }
            entries.put(name, new Entry(key, tuple.getValueNode()));
        }
        return entries;
    }

    private static String hint(String name, Collection<String> known) {
        String close = DidYouMean.hint(name, known);
        return close.isEmpty() ? "; known keys: " + String.join(", ", known) : close;
    }

    /** A scalar's text; null (with a problem) for a list, a mapping, nothing or blank text. */
    String text(Node node, String where) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            problem(node, where + " must be text, not " + kind(node));
            return null;
        }
        if (scalar.getValue().isBlank()) {
            problem(node, where + " must not be blank");
            return null;
        }
        return scalar.getValue();
    }

    ScalarNode scalar(Node node, String where) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            problem(node, where + " must be text, not " + kind(node));
            return null;
        }
        return scalar;
    }

    Long whole(Node node, String where, long min, long max) {
        String range = max == Long.MAX_VALUE ? min + " or more" : min + "-" + max;
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)) {
            problem(node, where + " must be a whole number " + range + ", not " + describe(node));
            return null;
        }
        try {
            long value = Long.parseLong(scalar.getValue().replace("_", ""));
            if (value < min || value > max) {
                problem(node, where + " must be " + range + ", not " + value);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(node, where + " must be a whole number " + range + ", not " + scalar.getValue());
            return null;
        }
    }

    Double number(Node node, String where, double min, double max) {
        String range = fmt(min) + " to " + fmt(max);
        if (!(node instanceof ScalarNode scalar)
                || !(scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            problem(node, where + " must be a number " + range + ", not " + describe(node));
            return null;
        }
        try {
            double value = Double.parseDouble(scalar.getValue().replace("_", ""));
            if (!(value >= min && value <= max)) {
                problem(node, where + " must be " + range + ", not " + scalar.getValue());
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problem(node, where + " must be a number " + range + ", not " + scalar.getValue());
            return null;
        }
    }

    Boolean bool(Node node, String where) {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            problem(node, where + " must be true or false, not " + describe(node));
            return null;
        }
        String value = scalar.getValue().toLowerCase(Locale.ROOT);
        return value.equals("true") || value.equals("yes") || value.equals("on") || value.equals("y");
    }

    /** One value or a list of values; null (with a problem) when neither, or when the list is empty. */
    List<ScalarNode> scalars(Node node, String where) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return List.of(scalar);
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, where + " must be a value or a list of values, not " + kind(node));
            return null;
        }
        if (sequence.getValue().isEmpty()) {
            problem(node, where + " is an empty list: leave the key out instead");
            return null;
        }
        List<ScalarNode> values = new ArrayList<>();
        boolean ok = true;
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !isNull(item) && !scalar.getValue().isBlank()) {
                values.add(scalar);
            } else {
                problem(item, where + ": each value must be text, not " + kind(item));
                ok = false;
            }
        }
        return ok ? values : null;
    }

    /** A list; null (with a problem) when the node is something else. */
    List<Node> sequence(Node node, String where) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, where + " must be a list (lines starting with -), not " + kind(node));
            return null;
        }
        return sequence.getValue();
    }

    Duration duration(Node node, String where) {
        String text = text(node, where);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                problem(node, where + " must be a positive duration, not " + text);
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problem(node, where + ": " + text + " is not an ISO-8601 duration such as PT4H, PT30M or P1D");
            return null;
        }
    }

    /** One of the named choices. */
    <E> E choice(Node node, String where, Map<String, E> choices) {
        String text = text(node, where);
        if (text == null) {
            return null;
        }
        E value = choices.get(text.strip());
        if (value == null) {
            problem(node, where + ": unknown value " + text + DidYouMean.hint(text, choices.keySet()) + "; one of "
                    + String.join(", ", choices.keySet()));
        }
        return value;
    }

    static String kind(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        return switch (node.getNodeId()) {
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> "text";
        };
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : kind(node);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static String joined(Collection<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
