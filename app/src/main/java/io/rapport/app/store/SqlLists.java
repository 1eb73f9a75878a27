package io.rapport.app.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** {@code IN (?, ?, ...)} lists in chunks small enough for every supported database's parameter limit. */
public final class SqlLists {

    public static final int CHUNK = 500;

    private SqlLists() {
    }

    public static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }

    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * Runs {@code select}, a query ending in {@code IN (}, once per chunk of {@code values} (after the {@code leading}
     * parameters), handing every row to {@code rows}.
     */
    public static void query(JdbcTemplate jdbc, String select, List<?> leading, Collection<String> values,
                             RowCallbackHandler rows) {
        for (List<String> chunk : chunks(new ArrayList<>(values))) {
            List<Object> args = new ArrayList<>(leading.size() + chunk.size());
            args.addAll(leading);
            args.addAll(chunk);
            jdbc.query(select + placeholders(chunk.size()) + ")", rows, args.toArray());
        }
    }

    /**
     * Runs {@code select}, a query of two columns ending in {@code IN (}, once per chunk of {@code values} (after the
     * one {@code leading} parameter), and maps the first column's values to the second's.
     */
    public static Map<String, String> pairs(JdbcTemplate jdbc, String select, Object leading,
                                            Collection<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        query(jdbc, select, List.of(leading), values, rs -> {
            pairs.put(rs.getString(1), rs.getString(2));
        });
        return pairs;
    }

    /** {@code (?, ?), (?, ?), ...}: {@code count} row values of two columns, for {@code (a, b) IN (...)}. */
    public static String pairPlaceholders(int count) {
        return String.join(", ", Collections.nCopies(count, "(?, ?)"));
    }
}
