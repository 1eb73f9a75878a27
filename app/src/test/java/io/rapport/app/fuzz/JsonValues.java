package io.rapport.app.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** JSON values of every type, awkward ones often, for structure-aware mutations of JSON documents. */
public final class JsonValues {

    private JsonValues() {
    }

    public static Arbitrary<String> awkwardText() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMaxLength(16)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(2, Arbitraries.of("", " ", "\u0000", "\uD800", "\uDFFF", "\uFEFF", "\u202E", "\u2028",
                        "@handle", "#tag", "2026-11-24T10:15:00Z", "2026-13-45T99:99:99Z", "yesterday", "-1", "1e309",
                        "REPOST", "quote", "x".repeat(1_025), "y".repeat(26_000), "null", "<script>", "'; DROP TABLE")));
    }

    /** A scalar, an empty or small container, a number out of every range. */
    public static Arbitrary<Object> anyValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, awkwardText().map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.of((Object) Double.MAX_VALUE, -0.0d, 1.5d, new BigInteger("9".repeat(40)),
                        new BigDecimal("1e-400"), Long.MIN_VALUE)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just((Object) null)),
                Tuple.of(1, Arbitraries.of((Object) List.of(), List.of("a", 1), Map.of(), Map.of("id", "1"),
                        List.of(List.of(List.of())), Map.of("kind", "REPLY", "postId", "1"))));
    }

    /** The map with some keys dropped, some values replaced by other values, some keys added. */
    public static Arbitrary<Map<String, Object>> mutate(Map<String, Object> valid, List<String> keys) {
        return Arbitraries.integers().between(0, 4).flatMap(edits -> edit(valid, keys).list().ofSize(edits)
                .map(changes -> {
                    Map<String, Object> out = new LinkedHashMap<>(valid);
                    changes.forEach(change -> change.apply(out));
                    return out;
                }));
    }

    private static Arbitrary<Change> edit(Map<String, Object> valid, List<String> keys) {
        List<String> known = List.copyOf(valid.keySet());
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.of(known), Arbitraries.of(keys), anyValue()).as(Change::new);
    }

    private record Change(int kind, String existing, String key, Object value) {
        void apply(Map<String, Object> map) {
            switch (kind) {
                case 0 -> map.remove(existing);
                case 1 -> map.put(existing, value);
                default -> map.put(key, value);
            }
        }
    }
}
