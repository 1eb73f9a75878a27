package io.rapport.core.survivorship;

import io.rapport.core.customer.SourceName;
import java.util.ArrayList;
import java.util.List;

/**
 * How one golden-record field chooses its surviving value: {@code strategies} applied in order as successive
 * tie-breakers, and the {@code sourcePriority} that {@link Strategy#SOURCE_PRIORITY} ranks by (source names, best
 * first; unlisted sources rank after the listed ones).
 *
 * <p>A plain record so that the app can bind YAML into it (see config/survivorship.yaml). A missing (null)
 * {@code strategies} means {@link #DEFAULT_STRATEGIES}; a missing {@code sourcePriority} means none. An empty
 * {@code strategies} list is allowed and leaves the choice to the final tie-break (smallest source record key).
 *
 * @throws IllegalArgumentException for a null strategy, a source priority entry that is not a valid source name
 *                                  or listed twice, or a source priority without {@link Strategy#SOURCE_PRIORITY}
 *                                  among the strategies (it would silently have no effect)
 */
public record FieldRule(List<Strategy> strategies, List<String> sourcePriority) {

    /** The strategies of a rule that names none: most members agree, else the latest statement. */
    public static final List<Strategy> DEFAULT_STRATEGIES = List.of(Strategy.MOST_FREQUENT, Strategy.MOST_RECENT);

    public FieldRule {
        strategies = strategies == null ? DEFAULT_STRATEGIES : copyWithoutNulls(strategies, "strategies");
        sourcePriority = sourcePriority == null ? List.of() : copyWithoutNulls(sourcePriority, "sourcePriority");
        List<String> seen = new ArrayList<>(sourcePriority.size());
        for (String source : sourcePriority) {
            SourceName.of(source); // validates, with a message naming the bad value
            if (seen.contains(source)) {
                throw new IllegalArgumentException("sourcePriority lists '" + source + "' twice");
            }
            seen.add(source);
        }
        if (!sourcePriority.isEmpty() && !strategies.contains(Strategy.SOURCE_PRIORITY)) {
            throw new IllegalArgumentException("sourcePriority " + sourcePriority + " is set but strategies "
                    + strategies + " do not include SOURCE_PRIORITY, so it would have no effect");
        }
    }

    /** A rule with these strategies and no source priority. */
    public static FieldRule of(Strategy... strategies) {
        return new FieldRule(List.of(strategies), List.of());
    }

    private static <T> List<T> copyWithoutNulls(List<T> values, String name) {
        for (T value : values) { // not values.contains(null): immutable lists reject a null query
            if (value == null) {
                throw new IllegalArgumentException(name + " must not contain empty entries: " + values);
            }
        }
        return List.copyOf(values);
    }
}
