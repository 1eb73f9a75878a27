package io.rapport.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Known given names ({@code given-names.txt} and every name of {@code nicknames.txt}, beside this class). Two
 * different given names that are both known are two people's names (a contradiction); if one is not known, it may
 * be a damaged spelling of the other (a typo too heavy to recognise), which is evidence against a match but no
 * contradiction.
 */
public final class GivenNames {

    private static final Set<String> KNOWN = load();

    private GivenNames() {
    }

    /** Whether a name key (lower case, letters only, see {@link MatchKeys#compactName}) is a known given name. */
    public static boolean known(String nameKey) {
        return nameKey != null && KNOWN.contains(nameKey);
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        read("given-names.txt", names);
        read("nicknames.txt", names);
        return Set.copyOf(names);
    }

    static void read(String resource, Set<String> into) {
        try (InputStream in = GivenNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + GivenNames.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                for (String name : content.split("\\s+")) {
                    String key = MatchKeys.compactName(name);
                    if (key != null) {
                        into.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
