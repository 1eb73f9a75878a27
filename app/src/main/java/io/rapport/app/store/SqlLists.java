package io.rapport.app.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    /** {@code (?, ?), (?, ?), ...}: {@code count} row values of two columns, for {@code (a, b) IN (...)}. */
    public static String pairPlaceholders(int count) {
        return String.join(", ", Collections.nCopies(count, "(?, ?)"));
    }
}
