package io.rapport.bench;

import io.rapport.core.social.IntentClassifier;
import io.rapport.core.social.SentimentScorer;
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
 * Sentiment and intent quality on the repo's hand-labelled posts ({@code social/labelled-posts.tsv}): the figures
 * issue 5's floors are stated in (sentiment 3-class macro-F1, positive-vs-negative accuracy, complaint F1), plus
 * intent accuracy and its confusion. Usage: {@code io.rapport.bench.SocialQualityBenchmark}.
 */
public final class SocialQualityBenchmark {

    private static final List<String> SENTIMENTS = List.of("positive", "negative", "neutral");

    /** One labelled post. */
    record Labelled(String sentiment, String intent, String text) {
    }

    private SocialQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Labelled> posts = load();
        SentimentScorer sentiment = new SentimentScorer();
        IntentClassifier intent = new IntentClassifier();
        List<String[]> sentimentPairs = new ArrayList<>();
        List<String[]> intentPairs = new ArrayList<>();
        int polar = 0;
        int polarRight = 0;
        for (Labelled post : posts) {
            SentimentScorer.Sentiment scored = sentiment.score(post.text());
            sentimentPairs.add(new String[] {post.sentiment(), scored.label()});
            if (!post.sentiment().equals("neutral")) {
                polar++;
                boolean saidPositive = scored.score() >= 0;
                polarRight += saidPositive == post.sentiment().equals("positive") ? 1 : 0;
            }
            int hashtags = (int) post.text().chars().filter(c -> c == '#').count();
            intentPairs.add(new String[] {post.intent(), intent.classify(post.text(), scored.score(), hashtags)});
        }
        System.out.printf("Social quality on %d hand-labelled posts (bench/src/main/resources/social)%n", posts.size());
        System.out.printf("  sentiment 3-class macro-F1           %.3f   (floor 0.65)%n", macroF1(sentimentPairs,
                SENTIMENTS));
        System.out.printf("  positive-vs-negative accuracy        %.3f   (floor 0.85; %d of %d polar posts)%n",
                polarRight / (double) polar, polarRight, polar);
        System.out.printf("  complaint F1                         %.3f   (floor 0.75)%n",
                f1(intentPairs, IntentClassifier.COMPLAINT));
        long right = intentPairs.stream().filter(pair -> pair[0].equals(pair[1])).count();
        System.out.printf("  intent accuracy                      %.3f%n", right / (double) intentPairs.size());
        List<String> intents = List.of(IntentClassifier.PURCHASE_INTENT, IntentClassifier.COMPLAINT,
                IntentClassifier.QUESTION, IntentClassifier.PRAISE, IntentClassifier.SPAM, IntentClassifier.OTHER);
        for (String label : intents) {
            System.out.printf("    %-16s F1 %.3f%n", label, f1(intentPairs, label));
        }
        System.out.println("  intent confusion (labelled -> predicted: count), mistakes only:");
        Map<String, Integer> confusion = new TreeMap<>();
        intentPairs.stream().filter(pair -> !pair[0].equals(pair[1]))
                .forEach(pair -> confusion.merge(pair[0] + " -> " + pair[1], 1, Integer::sum));
        confusion.forEach((pair, count) -> System.out.printf("    %-34s %d%n", pair, count));
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

    static List<Labelled> load() throws IOException {
        List<Labelled> posts = new ArrayList<>();
        try (InputStream in = SocialQualityBenchmark.class.getResourceAsStream("/social/labelled-posts.tsv")) {
            if (in == null) {
                throw new IllegalStateException("social/labelled-posts.tsv is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length != 3 || !SENTIMENTS.contains(columns[0])) {
                    throw new IllegalArgumentException("labelled-posts.tsv line " + lineNumber
                            + ": expected sentiment, intent and text separated by tabs");
                }
                posts.add(new Labelled(columns[0], columns[1], columns[2]));
            }
        }
        return posts;
    }
}
