package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scenario generator: deterministic per seed, the configured mixes, duplicates and threads, long-tailed reach. */
class ScenarioGeneratorTest {

    private SocialSandbox first;
    private SocialSandbox second;

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theSameSeedWritesTheSameConversation() throws Exception {
        first = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        second = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        assertThat(fingerprint(first.generate(400))).isEqualTo(fingerprint(second.generate(400)));

        try (SocialSandbox other = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withScenario(Scenario.defaults().withSeed(7)), 0)) {
            assertThat(fingerprint(other.generate(400))).isNotEqualTo(fingerprint(first.posts()));
        }
    }

    @Test
    void followsTheConfiguredMixesAndFormsThreads() throws Exception {
        Scenario scenario = Scenario.defaults()
                .withKindMix(Map.of(Kind.PRAISE, 0.5, Kind.COMPLAINT, 0.3, Kind.SPAM, 0.2))
                .withLanguageMix(Map.of("en", 0.5, "es", 0.3, "sv", 0.2));
        first = SocialSandbox.start(SocialSandbox.Config.defaults().withScenario(scenario), 0);
        List<Post> posts = first.generate(3000);

        assertThat(posts).allSatisfy(p -> assertThat(p.truth()).isPresent());
        List<Post> originals = posts.stream()
                .filter(p -> p.reference() == null && !p.label().isDuplicate() && !p.author().equals(first.brand()))
                .toList();
        Map<Kind, Double> kinds = shares(originals, p -> p.label().kind());
        assertThat(kinds.get(Kind.PRAISE)).isCloseTo(0.5, within(0.04));
        assertThat(kinds.get(Kind.COMPLAINT)).isCloseTo(0.3, within(0.04));
        assertThat(kinds.get(Kind.SPAM)).isCloseTo(0.2, within(0.04));
        Map<String, Double> languages = shares(originals, Post::lang);
        assertThat(languages.get("en")).isCloseTo(0.5, within(0.05));
        assertThat(languages.get("es")).isCloseTo(0.3, within(0.05));
        assertThat(languages.get("sv")).isCloseTo(0.2, within(0.05));
        assertThat(originals).allSatisfy(p -> assertThat(p.label().lang()).isEqualTo(p.lang()));
        assertThat(originals).filteredOn(p -> p.label().kind() == Kind.PRAISE)
                .allSatisfy(p -> assertThat(p.label().sentiment()).isEqualTo(Sentiment.POSITIVE));

        List<Post> duplicates = posts.stream().filter(p -> p.label().isDuplicate()).toList();
        assertThat(duplicates).hasSizeBetween(50, 130);
        assertThat(duplicates).allSatisfy(d -> {
            Post original = first.post(d.label().duplicateOf()).orElseThrow();
            assertThat(d.text()).isEqualTo(original.text());
            assertThat(d.author()).isEqualTo(original.author());
        });
        assertThat(posts.stream().filter(Post::isRetweet).count()).isBetween(220L, 380L);
        assertThat(posts.stream().filter(Post::isQuote).count()).isBetween(70L, 170L);
        List<Post> replies = posts.stream().filter(Post::isReply).toList();
        assertThat(replies).hasSizeBetween(220, 380);
        assertThat(replies).anySatisfy(r -> assertThat(r.author()).isEqualTo(first.brand()));
        assertThat(replies).allSatisfy(r -> assertThat(r.conversationId()).isNotEqualTo(r.id()));
    }

    @Test
    void writesLikeXDoesWithLongTailedReach() throws Exception {
        first = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        List<Post> posts = first.generate(2000);

        List<Author> authors = posts.stream().map(Post::author).distinct().toList();
        long small = authors.stream().filter(a -> a.followers() < 500).count();
        assertThat((double) small / authors.size()).isGreaterThan(0.75);
        assertThat(authors).anySatisfy(a -> assertThat(a.followers()).isGreaterThanOrEqualTo(100_000));
        assertThat(posts).anySatisfy(p -> assertThat(p.text()).matches(".*[\\x{1F300}-\\x{1FAFF}].*"));
        assertThat(posts).anySatisfy(p -> assertThat(p.text()).contains(":("));
        assertThat(posts).anySatisfy(p -> assertThat(p.text()).isUpperCase());
        assertThat(posts).anySatisfy(p -> assertThat(p.entities().hashtags()).isNotEmpty());
        assertThat(posts).anySatisfy(p -> assertThat(p.text()).containsAnyOf("ngl", "tbh", "smh", "lol"));
        assertThat(posts.stream().map(Post::lang).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("en", "es", "de", "fr", "pt", "sv");
        assertThat(posts).extracting(Post::createdAt).isSorted();
        assertThat(posts.get(posts.size() - 1).createdAt()).isBeforeOrEqualTo(Instant.now());

        XClient.Answer answer = new XClient(first).search("@acme", "max_results=100&tweet.fields=lang");
        assertThat(answer.body().get("data").size()).isEqualTo(100);
        assertThat(answer.body().toString()).doesNotContain("PRAISE", "COMPLAINT", "sentiment");
    }

    private static List<String> fingerprint(List<Post> posts) {
        return posts.stream().map(p -> p.author().username() + "|" + p.text().replaceAll("/status/\\d+", "/status/<id>")
                + "|" + p.lang() + "|" + p.label().kind()
                + "|" + p.label().sentiment() + "|" + p.label().isDuplicate() + "|" + (p.reference() == null ? "" : p.reference().type())).toList();
    }

    private static <K> Map<K, Double> shares(List<Post> posts, Function<Post, K> key) {
        return posts.stream().collect(Collectors.groupingBy(key, Collectors.collectingAndThen(Collectors.counting(),
                n -> (double) n / posts.size())));
    }
}
