package io.rapport.bench;

import io.rapport.core.social.IntentClassifier;
import io.rapport.core.social.SentimentScorer.Sentiment;
import io.rapport.core.social.TextEnricher;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sentiment, intent and language quality of {@link TextEnricher}, the hub's one entry point for them, on the labelled
 * sets in {@code bench/src/main/resources/social} (see bench/README.md, Social quality, for what each set is and how
 * it was labelled): the figures issue 5's floors are stated in (sentiment 3-class macro-F1, positive-vs-negative
 * accuracy, complaint F1) and what explains them (per-class precision and recall, confusion matrices). Posts go in
 * with no declared language, so the detector is measured too. Usage: {@code io.rapport.bench.SocialQualityBenchmark
 * [set ...]} with set one of team, dev, test, blind, uci-amazon, uci-yelp (default: all). With {@code -v}, every
 * mistake is printed as well (for the DEV set: the TEST set is not to be read for tuning; the BLIND set's mistakes are
 * never printed, only its figures, overall and per section).
 */
public final class SocialQualityBenchmark {

    private static final List<String> SENTIMENTS = List.of(Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL);
    private static final List<String> INTENTS = List.of(IntentClassifier.PURCHASE_INTENT, IntentClassifier.COMPLAINT,
            IntentClassifier.QUESTION, IntentClassifier.PRAISE, IntentClassifier.SPAM, IntentClassifier.OTHER);
    private static final Map<String, String> SETS = Map.of(
            "team", "labelled-posts.tsv",
            "dev", "dev-posts.tsv",
            "test", "test-posts.tsv",
            "blind", "blind-posts.tsv",
            "uci-amazon", "uci-amazon.tsv",
            "uci-yelp", "uci-yelp.tsv");
    private static final List<String> ORDER = List.of("team", "dev", "test", "blind", "uci-amazon", "uci-yelp");
    /** A set whose mistakes are never listed: it was written blind and is read through its figures only. */
    private static final String BLIND = "blind";
    /** A comment line {@code #@ name: description} starts a section of a set, reported on its own as well. */
    private static final String SECTION = "#@ ";
    /** A column whose label is this was not labelled (the UCI sets have polarity only). */
    private static final String UNLABELLED = "-";

    /** One labelled post; language {@code null} when the set does not say; section {@code null} outside sections. */
    record Labelled(String language, String sentiment, String intent, String text, String section) {
    }

    private SocialQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = List.of(args).contains("-v");
        List<String> sets = List.of(args).stream().filter(arg -> !arg.equals("-v")).toList();
        TextEnricher enricher = new TextEnricher();
        for (String set : sets.isEmpty() ? ORDER : sets) {
            if (!SETS.containsKey(set)) {
                throw new IllegalArgumentException("unknown set " + set + "; known: " + ORDER);
            }
            List<Labelled> posts = load(SETS.get(set));
            report(set, posts, enricher, verbose && !set.equals(BLIND));
            sections(posts, enricher);
        }
    }

    /** The three floors' figures per section of a set (sections are in the order they come). */
    private static void sections(List<Labelled> posts, TextEnricher enricher) {
        Map<String, List<String[]>> sentiments = new java.util.LinkedHashMap<>();
        Map<String, List<String[]>> intents = new java.util.LinkedHashMap<>();
        for (Labelled post : posts) {
            if (post.section() == null) {
                continue;
            }
            TextEnrichment enrichment = enricher.analyze(post.text(), null, hashtags(post.text()));
            sentiments.computeIfAbsent(post.section(), key -> new ArrayList<>())
                    .add(new String[] {post.sentiment(), enrichment.sentiment().label()});
            intents.computeIfAbsent(post.section(), key -> new ArrayList<>())
                    .add(new String[] {post.intent(), enrichment.intent()});
        }
        sentiments.forEach((section, pairs) -> {
            List<String[]> polar = pairs.stream().filter(pair -> !pair[0].equals(Sentiment.NEUTRAL)).toList();
            long right = polar.stream().filter(pair -> pair[0].equals(pair[1])).count();
            System.out.printf("  section %-16s n=%3d  macro-F1 %.3f  polarity %.3f (%d/%d)  complaint F1 %.3f (n=%d)%n",
                    section, pairs.size(), macroF1(pairs, SENTIMENTS), right / (double) Math.max(1, polar.size()),
                    right, polar.size(), f1(intents.get(section), IntentClassifier.COMPLAINT),
                    intents.get(section).stream().filter(p -> p[0].equals(IntentClassifier.COMPLAINT)).count());
        });
    }

    private static void report(String set, List<Labelled> posts, TextEnricher enricher, boolean verbose) {
        List<String[]> sentimentPairs = new ArrayList<>();
        List<String[]> intentPairs = new ArrayList<>();
        int languages = 0;
        int languagesRight = 0;
        Map<String, Integer> languageMistakes = new TreeMap<>();
        List<String> mistakes = new ArrayList<>();
        for (Labelled post : posts) {
            TextEnrichment enrichment = enricher.analyze(post.text(), null, hashtags(post.text()));
            String sentiment = enrichment.sentiment().label();
            sentimentPairs.add(new String[] {post.sentiment(), sentiment});
            if (!post.intent().equals(UNLABELLED)) {
                intentPairs.add(new String[] {post.intent(), enrichment.intent()});
            }
            if (post.language() != null) {
                languages++;
                if (post.language().equals(enrichment.language())) {
                    languagesRight++;
                } else {
                    languageMistakes.merge(post.language() + "->" + enrichment.language(), 1, Integer::sum);
                }
            }
            boolean intentWrong = !post.intent().equals(UNLABELLED) && !post.intent().equals(enrichment.intent());
            boolean languageWrong = post.language() != null && !post.language().equals(enrichment.language());
            if (!sentiment.equals(post.sentiment()) || intentWrong || languageWrong) {
                mistakes.add(String.format("    %s/%s/%s -> %s(%+.2f)/%s/%s  %s", post.sentiment(), post.intent(),
                        post.language(), sentiment, enrichment.sentiment().score(), enrichment.intent(),
                        enrichment.language(), post.text()));
            }
        }
        System.out.printf("%n== %s: %d posts (%s) ==%n", set, posts.size(), SETS.get(set));
        boolean threeClass = sentimentPairs.stream().anyMatch(pair -> pair[0].equals(Sentiment.NEUTRAL));
        if (threeClass) {
            System.out.printf("  sentiment 3-class macro-F1            %.3f   (floor 0.65)%n",
                    macroF1(sentimentPairs, SENTIMENTS));
            for (String label : SENTIMENTS) {
                System.out.printf("    %-9s %s%n", label, prf(sentimentPairs, label));
            }
        }
        polarity(sentimentPairs);
        if (threeClass) {
            confusion("sentiment", sentimentPairs, SENTIMENTS);
        }
        if (!intentPairs.isEmpty()) {
            System.out.printf("  complaint                             %s   (floor F1 0.75)%n",
                    prf(intentPairs, IntentClassifier.COMPLAINT));
            long right = intentPairs.stream().filter(pair -> pair[0].equals(pair[1])).count();
            System.out.printf("  intent accuracy (6 classes)           %.3f%n", right / (double) intentPairs.size());
            for (String label : INTENTS) {
                System.out.printf("    %-16s %s%n", label, prf(intentPairs, label));
            }
            confusion("intent", intentPairs, INTENTS);
        }
        if (languages > 0) {
            System.out.printf("  language accuracy                     %.3f   (%d of %d) mistakes %s%n",
                    languagesRight / (double) languages, languagesRight, languages, languageMistakes);
        }
        if (verbose) {
            System.out.println("  mistakes (gold sentiment/intent -> predicted):");
            mistakes.forEach(System.out::println);
        }
    }

    /**
     * Positive-vs-negative accuracy on the posts labelled positive or negative: strict (a neutral prediction is
     * wrong, the floor's reading) and among those predicted polar (a neutral prediction is left out).
     */
    private static void polarity(List<String[]> pairs) {
        List<String[]> polar = pairs.stream().filter(pair -> !pair[0].equals(Sentiment.NEUTRAL)).toList();
        long right = polar.stream().filter(pair -> pair[0].equals(pair[1])).count();
        long predictedPolar = polar.stream().filter(pair -> !pair[1].equals(Sentiment.NEUTRAL)).count();
        System.out.printf("  positive-vs-negative accuracy         %.3f   (floor 0.85; %d of %d polar posts)%n",
                right / (double) polar.size(), right, polar.size());
        System.out.printf("    ignoring neutral predictions        %.3f   (%d of %d predicted polar)%n",
                right / (double) Math.max(1, predictedPolar), right, predictedPolar);
    }

    private static void confusion(String what, List<String[]> pairs, List<String> labels) {
        System.out.printf("  %s confusion (rows labelled, columns predicted)%n    %-16s", what, "");
        labels.forEach(label -> System.out.printf(" %9.9s", label));
        System.out.println();
        for (String gold : labels) {
            System.out.printf("    %-16s", gold);
            for (String predicted : labels) {
                long count = pairs.stream().filter(p -> p[0].equals(gold) && p[1].equals(predicted)).count();
                System.out.printf(" %9d", count);
            }
            System.out.println();
        }
    }

    static int hashtags(String text) {
        int count = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '#' && Character.isLetterOrDigit(text.charAt(i + 1))) {
                count++;
            }
        }
        return count;
    }

    static String prf(List<String[]> pairs, String label) {
        long truePositives = pairs.stream().filter(p -> p[0].equals(label) && p[1].equals(label)).count();
        long predicted = pairs.stream().filter(p -> p[1].equals(label)).count();
        long actual = pairs.stream().filter(p -> p[0].equals(label)).count();
        double precision = predicted == 0 ? 0 : truePositives / (double) predicted;
        double recall = actual == 0 ? 0 : truePositives / (double) actual;
        return String.format("P %.3f R %.3f F1 %.3f (n=%d)", precision, recall, f1(pairs, label), actual);
    }

    static double macroF1(List<String[]> pairs, List<String> labels) {
        return labels.stream().mapToDouble(label -> f1(pairs, label)).average().orElse(0);
    }

    static double f1(List<String[]> pairs, String label) {
        long truePositives = pairs.stream().filter(p -> p[0].equals(label) && p[1].equals(label)).count();
        long predicted = pairs.stream().filter(p -> p[1].equals(label)).count();
        long actual = pairs.stream().filter(p -> p[0].equals(label)).count();
        if (truePositives == 0) {
            return 0;
        }
        double precision = truePositives / (double) predicted;
        double recall = truePositives / (double) actual;
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * A set's posts: lines starting with {@code #} are comments; a header {@code lang sentiment intent text} gives
     * four columns, else (the team set) three, without language.
     */
    static List<Labelled> load(String file) throws IOException {
        List<Labelled> posts = new ArrayList<>();
        try (InputStream in = SocialQualityBenchmark.class.getResourceAsStream("/social/" + file)) {
            if (in == null) {
                throw new IllegalStateException("social/" + file + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean withLanguage = false;
            String section = null;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.startsWith(SECTION)) {
                    int colon = line.indexOf(':');
                    section = line.substring(SECTION.length(), colon < 0 ? line.length() : colon).strip();
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("lang\tsentiment\tintent\ttext")) {
                    withLanguage = true;
                    continue;
                }
                String[] columns = line.split("\t", withLanguage ? 4 : 3);
                int first = withLanguage ? 1 : 0;
                if (columns.length != first + 3 || !SENTIMENTS.contains(columns[first])
                        || !INTENTS.contains(columns[first + 1]) && !columns[first + 1].equals(UNLABELLED)) {
                    throw new IllegalArgumentException(file + " line " + lineNumber
                            + ": expected [language,] sentiment, intent and text separated by tabs");
                }
                posts.add(new Labelled(withLanguage ? columns[0] : null, columns[first], columns[first + 1],
                        columns[first + 2], section));
            }
        }
        return posts;
    }
}
