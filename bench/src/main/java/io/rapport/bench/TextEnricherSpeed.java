package io.rapport.bench;

import io.rapport.core.social.TextEnricher;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How long {@link TextEnricher#analyze} takes per post on one thread, warmed: the labelled posts of every set
 * (3,445, real review sentences and tweets in eight languages) in rounds, with no declared language (the detector
 * runs: the worst case) and with the network's language given (as X sends it). Also the one-off cost of building
 * the enricher (lexicons loaded eagerly). Issue 5 needs 2,000 fully enriched events/s through the broker on 2 cores,
 * so the enrichment must stay well under 0.2 ms a post. Usage: {@code io.rapport.bench.TextEnricherSpeed [rounds]}.
 */
public final class TextEnricherSpeed {

    private static final List<String> SETS = List.of("labelled-posts.tsv", "dev-posts.tsv", "test-posts.tsv",
            "blind-posts.tsv", "uci-amazon.tsv", "uci-yelp.tsv");

    private TextEnricherSpeed() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<SocialQualityBenchmark.Labelled> posts = new ArrayList<>();
        for (String set : SETS) {
            posts.addAll(SocialQualityBenchmark.load(set));
        }
        long start = System.nanoTime();
        TextEnricher enricher = new TextEnricher();
        double buildMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        enricher.analyze(posts.get(0).text(), null, 0);
        double firstMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("TextEnricher: built in %.0f ms, first post in %.1f ms; %d posts a round, %d rounds%n",
                buildMs, firstMs, posts.size(), rounds);
        for (boolean declared : new boolean[] {false, true}) {
            long sink = 0;
            // warm-up: let the JIT compile the paths before measuring
            for (int round = 0; round < 10; round++) {
                sink += run(enricher, posts, declared);
            }
            long begin = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                sink += run(enricher, posts, declared);
            }
            double perPost = (System.nanoTime() - begin) / 1e3 / ((double) rounds * posts.size());
            System.out.printf("  %-36s %6.1f µs/post  %,9.0f posts/s on one thread   (%d)%n",
                    declared ? "language declared (as X sends it)" : "language detected (none declared)", perPost,
                    1e6 / perPost, sink % 10);
        }
    }

    private static long run(TextEnricher enricher, List<SocialQualityBenchmark.Labelled> posts, boolean declared) {
        long sink = 0;
        for (SocialQualityBenchmark.Labelled post : posts) {
            String language = declared && post.language() != null ? post.language() : null;
            TextEnrichment enrichment = enricher.analyze(post.text(), language,
                    SocialQualityBenchmark.hashtags(post.text()));
            sink += enrichment.intent().length() + enrichment.language().length();
        }
        return sink;
    }
}
