package io.rapport.sim.customers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The name, street and place lists, read once from the resource files next to this class. Immutable after
 * loading, so one instance serves every generator.
 */
final class Catalog {

    static final List<String> CULTURES = List.of(
            "english", "nordic", "german", "french", "spanish", "indian", "chinese", "arabic", "vietnamese");

    private static final double GIVEN_NAME_SKEW = 0.6;
    private static final double FAMILY_NAME_SKEW = 0.8;

    final Map<String, List<String>> givenMale;
    final Map<String, List<String>> givenFemale;
    final Map<String, Picker<String>> givenMalePicker = new HashMap<>();
    final Map<String, Picker<String>> givenFemalePicker = new HashMap<>();
    final Map<String, List<String>> family;
    final Map<String, Picker<String>> familyPicker = new HashMap<>();
    final Map<String, List<String>> familyParts;
    /** Lower-cased name -> its variants (formal -> nicknames, nickname -> formal and the other nicknames). */
    final Map<String, String[]> nicknames = new HashMap<>();
    final Map<String, List<String>> streets;
    final Map<Country, List<Locality>> localities = new EnumMap<>(Country.class);
    final Map<Country, Picker<Locality>> localityPicker = new EnumMap<>(Country.class);
    final List<String> buildings;

    private static final class Holder {
        static final Catalog INSTANCE = new Catalog();
    }

    static Catalog get() {
        return Holder.INSTANCE;
    }

    private Catalog() {
        givenMale = sections("given-names-male.txt");
        givenFemale = sections("given-names-female.txt");
        family = sections("family-names.txt");
        familyParts = sections("family-name-parts.txt");
        streets = sections("streets.txt");
        buildings = sections("buildings.txt").get("");
        for (String culture : CULTURES) {
            givenMalePicker.put(culture, Picker.zipf(require(givenMale, culture, "given-names-male.txt"), GIVEN_NAME_SKEW));
            givenFemalePicker.put(culture, Picker.zipf(require(givenFemale, culture, "given-names-female.txt"),
                    GIVEN_NAME_SKEW));
        }
        for (Map.Entry<String, List<String>> e : family.entrySet()) {
            familyPicker.put(e.getKey(), Picker.zipf(e.getValue(), FAMILY_NAME_SKEW));
        }
        for (Map.Entry<String, List<String>> e : sections("localities.txt").entrySet()) {
            Country country = Country.valueOf(e.getKey());
            List<Locality> list = new ArrayList<>();
            for (String line : e.getValue()) {
                list.add(Locality.parse(line));
            }
            double[] weights = list.stream().mapToDouble(Locality::weight).toArray();
            localities.put(country, List.copyOf(list));
            localityPicker.put(country, Picker.weighted(list, weights));
        }
        for (Country country : Country.values()) {
            if (!localities.containsKey(country)) {
                throw new IllegalStateException("localities.txt has no section [" + country + "]");
            }
        }
        for (String line : sections("nicknames.txt").get("")) {
            int colon = line.indexOf(':');
            String formal = line.substring(0, colon).strip();
            List<String> group = new ArrayList<>();
            group.add(formal);
            for (String nick : line.substring(colon + 1).split(",")) {
                group.add(nick.strip());
            }
            for (String name : group) {
                List<String> others = new ArrayList<>();
                String[] existing = nicknames.get(key(name));
                if (existing != null) {
                    others.addAll(List.of(existing));
                }
                for (String other : group) {
                    if (!other.equalsIgnoreCase(name) && !others.contains(other)) {
                        others.add(other);
                    }
                }
                nicknames.put(key(name), others.toArray(new String[0]));
            }
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> require(Map<String, List<String>> sections, String section, String file) {
        List<String> list = sections.get(section);
        if (list == null || list.isEmpty()) {
            throw new IllegalStateException(file + " has no section [" + section + "]");
        }
        return list;
    }

    /** Reads a resource of "[section]" headers and one entry per line; entries before any header go to "". */
    static Map<String, List<String>> sections(String resource) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        String section = "";
        try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    section = entry.substring(1, entry.length() - 1).strip();
                    result.computeIfAbsent(section, s -> new ArrayList<>());
                    continue;
                }
                result.computeIfAbsent(section, s -> new ArrayList<>()).add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }
}
