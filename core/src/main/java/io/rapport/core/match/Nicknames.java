package io.rapport.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Given-name equivalence groups ({@code nicknames.txt} beside this class): "bill" and "william", "peggy" and
 * "margaret". A name may belong to several groups; two names are equivalent when they share one.
 */
public final class Nicknames {

    private static final int[] NONE = new int[0];
    private static final Map<String, int[]> GROUPS = load("nicknames.txt");

    private Nicknames() {
    }

    /** The groups of a name key (lower case, letters only, see {@link MatchKeys#name}); empty if none. */
    public static int[] groupsOf(String nameKey) {
        if (nameKey == null) {
            return NONE;
        }
        return GROUPS.getOrDefault(nameKey, NONE);
    }

    /** Whether two name keys share a nickname group. Equal names are not "nicknames" of each other: false. */
    public static boolean equivalent(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            return false;
        }
        return share(groupsOf(a), groupsOf(b));
    }

    static boolean share(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, int[]> load(String resource) {
        Map<String, int[]> groups = new HashMap<>();
        try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + Nicknames.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int group = 0;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                for (String name : content.split("\\s+")) {
                    String key = MatchKeys.compactName(name);
                    if (key == null) {
                        continue;
                    }
                    int[] existing = groups.getOrDefault(key, NONE);
                    if (existing.length == 0 || existing[existing.length - 1] != group) {
                        int[] grown = Arrays.copyOf(existing, existing.length + 1);
                        grown[existing.length] = group;
                        groups.put(key, grown);
                    }
                }
                group++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(groups);
    }
}
