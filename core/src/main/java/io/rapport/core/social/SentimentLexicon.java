package io.rapport.core.social;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One language's words for {@link SentimentScorer}: valences on VADER's scale (-4..4), terms of several words that
 * count as one ("on hold", "no funciona"), stems that stand for every inflected form ("pésim*"), and the words that
 * negate, boost, dampen or turn a sentence ("but"). Read from {@code sentiment_xx.txt} in this package (format in
 * {@code sentiment_es.txt}); English is VADER's lexicon with {@code sentiment_en.txt} over it. Immutable.
 */
final class SentimentLexicon {

    /** VADER's booster and dampener steps. */
    static final double INCREASE = 0.293;
    static final double DECREASE = -0.293;

    private static final int STEM_KEY = 3;

    private record Stem(String stem, double valence) {
    }

    private final Map<String, Double> words;
    private final Map<String, List<Stem>> stems;
    private final Set<String> phrases;
    private final int longestPhrase;
    private final Set<String> negators;
    private final Set<String> negatorsAfter;
    private final Map<String, Double> boosters;
    private final Set<String> contrasts;

    private SentimentLexicon(Map<String, Double> words, Map<String, Double> stems, Set<String> negators,
            Set<String> negatorsAfter, Map<String, Double> boosters, Set<String> contrasts) {
        this.words = Map.copyOf(words);
        Map<String, List<Stem>> byKey = new HashMap<>();
        stems.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, Double> e) -> e.getKey().length())
                        .reversed())
                .forEach(e -> byKey.computeIfAbsent(key(e.getKey()), k -> new ArrayList<>())
                        .add(new Stem(e.getKey(), e.getValue())));
        this.stems = Map.copyOf(byKey);
        Set<String> multiWord = new HashSet<>();
        int longest = 1;
        for (String word : words.keySet()) {
            int count = word.split(" ").length;
            if (count > 1) {
                multiWord.add(word);
                longest = Math.max(longest, count);
            }
        }
        this.phrases = Set.copyOf(multiWord);
        this.longestPhrase = longest;
        this.negators = Set.copyOf(negators);
        this.negatorsAfter = Set.copyOf(negatorsAfter);
        this.boosters = Map.copyOf(boosters);
        this.contrasts = Set.copyOf(contrasts);
    }

    /** The valence of a lower-case word or phrase, or null when the lexicon does not know it. */
    Double valence(String lower) {
        Double valence = words.get(lower);
        if (valence != null || lower.length() < STEM_KEY || stems.isEmpty()) {
            return valence;
        }
        List<Stem> candidates = stems.get(key(lower));
        if (candidates != null) {
            for (Stem stem : candidates) {
                if (lower.startsWith(stem.stem())) {
                    return stem.valence();
                }
            }
        }
        return null;
    }

    boolean knows(String lower) {
        return valence(lower) != null;
    }

    boolean isPhrase(String lower) {
        return phrases.contains(lower);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    boolean negates(String lower) {
        return negators.contains(lower) || lower.contains("n't");
    }

    boolean negatesAfter(String lower) {
        return negatorsAfter.contains(lower);
    }

    Double booster(String lower) {
        return boosters.get(lower);
    }

    boolean contrasts(String lower) {
        return contrasts.contains(lower);
    }

    private static String key(String word) {
        return word.substring(0, Math.min(STEM_KEY, word.length()));
    }

    /** VADER's lexicon, negators and boosters, with the customer-service additions of sentiment_en.txt over them. */
    static SentimentLexicon english(Map<String, Double> vader, Set<String> negators, Map<String, Double> boosters) {
        Map<String, Double> words = new HashMap<>(vader);
        Map<String, Double> stems = new HashMap<>();
        Set<String> ignored = new HashSet<>();
        read("sentiment_en.txt", words, stems, ignored, ignored, new HashMap<>(), ignored);
        return new SentimentLexicon(words, stems, negators, Set.of(), boosters, Set.of("but"));
    }

    /** VADER alone, as published. */
    static SentimentLexicon plain(Map<String, Double> vader, Set<String> negators, Map<String, Double> boosters) {
        return new SentimentLexicon(vader, Map.of(), negators, Set.of(), boosters, Set.of("but"));
    }

    /**
     * A language's own lexicon, over what every language shares: emoticons and the few English words posts in any
     * language use ("lol", "wtf", "top").
     */
    static SentimentLexicon of(String language, Map<String, Double> shared) {
        Map<String, Double> words = new HashMap<>(shared);
        Map<String, Double> stems = new HashMap<>();
        Set<String> negators = new HashSet<>();
        Set<String> negatorsAfter = new HashSet<>();
        Map<String, Double> boosters = new HashMap<>();
        Set<String> contrasts = new HashSet<>();
        read("sentiment_" + language + ".txt", words, stems, negators, negatorsAfter, boosters, contrasts);
        return new SentimentLexicon(words, stems, negators, negatorsAfter, boosters, contrasts);
    }

    private static void read(String resource, Map<String, Double> words, Map<String, Double> stems,
            Set<String> negators, Set<String> negatorsAfter, Map<String, Double> boosters, Set<String> contrasts) {
        try (InputStream in = SentimentLexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the core's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("!")) {
                    String[] parts = line.toLowerCase(Locale.ROOT).split("\\s+");
                    List<String> listed = List.of(parts).subList(1, parts.length);
                    switch (parts[0]) {
                        case "!negate" -> negators.addAll(listed);
                        case "!negate-after" -> negatorsAfter.addAll(listed);
                        case "!increase" -> listed.forEach(word -> boosters.put(word, INCREASE));
                        case "!decrease" -> listed.forEach(word -> boosters.put(word, DECREASE));
                        case "!contrast" -> contrasts.addAll(listed);
                        default -> throw new IllegalStateException(resource + " line " + number + ": " + parts[0]);
                    }
                    continue;
                }
                int equals = line.lastIndexOf(" = ");
                if (equals < 0) {
                    throw new IllegalStateException(resource + " line " + number + ": expected term = valence");
                }
                String term = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                double valence = Double.parseDouble(line.substring(equals + 3).strip());
                if (term.endsWith("*")) {
                    stems.put(term.substring(0, term.length() - 1), valence);
                } else {
                    words.put(term, valence);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
