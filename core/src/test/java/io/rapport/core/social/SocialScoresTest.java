package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Influence, conversation degree and duplicate collapse: the scores enrichment computes without language. */
class SocialScoresTest {

    private static SocialAuthor author(long followers, boolean verified) {
        return new SocialAuthor("1", "someone", null, followers, 0, verified);
    }

    @Test
    void influenceGrowsWithReachOnALogScaleAndWithWhatThePostItselfDrew() {
        assertThat(InfluenceScore.of(author(0, false), Engagement.NONE)).isZero();
        assertThat(InfluenceScore.of(author(50, false), Engagement.NONE)).isBetween(15, 19);
        assertThat(InfluenceScore.of(author(10_000, false), Engagement.NONE)).isBetween(38, 42);
        assertThat(InfluenceScore.of(author(1_000_000, false), Engagement.NONE)).isBetween(58, 62);
        assertThat(InfluenceScore.of(author(50, false), new Engagement(900, 50, 40, 10)))
                .as("a small account whose post drew a thousand interactions: about twice its quiet score")
                .isBetween(33, 37);
        assertThat(InfluenceScore.of(author(100_000_000, true), new Engagement(1_000_000, 0, 0, 0))).isEqualTo(100);
    }

    @Test
    void theDegreeIsTheMostEngagedDescriptionThatFits() {
        assertThat(degree(false, false, false, 0, 1, 0)).as("monologue").isEqualTo(1);
        assertThat(degree(false, false, true, 0, 1, 0)).as("venting").isEqualTo(2);
        assertThat(degree(true, false, true, 0, 1, 0)).as("skewed dialogue").isEqualTo(3);
        assertThat(degree(true, true, false, 0, 1, 0)).as("demand for information").isEqualTo(4);
        assertThat(degree(false, false, false, 0, 1, 25)).as("social pressure").isEqualTo(4);
        assertThat(degree(true, true, false, 4, 2, 0)).as("others join").isEqualTo(5);
        assertThat(degree(false, false, false, 0, 12, 0)).as("many to many").isEqualTo(6);
    }

    private static int degree(boolean addressed, boolean asks, boolean negative, long replies, int participants,
                              long amplification) {
        return ConversationDegree.of(new ConversationDegree.Signals(addressed, asks, negative, replies, participants,
                amplification));
    }

    @Test
    void repostsCollapseIntoTheirOriginalAndAnAuthorsRepeatedWordsIntoTheFirstPost() {
        SocialEvent original = post("100", "7", "Love the new Acme X2! https://t.co/abc", List.of());
        SocialEvent repost = post("101", "8", "RT @seven: Love the new Acme X2!",
                List.of(new PostReference(PostReference.Kind.REPOST, "100")));
        SocialEvent again = post("102", "7", "love the new  Acme X2 !!! https://t.co/xyz", List.of());
        SocialEvent otherAuthor = post("103", "9", "Love the new Acme X2!", List.of());

        assertThat(DuplicatePosts.collapseKeys(repost)).containsExactly("x:post:100");
        assertThat(DuplicatePosts.collapseKeys(original)).contains("x:post:100");
        assertThat(DuplicatePosts.collapseKeys(again)).containsAnyElementsOf(DuplicatePosts.collapseKeys(original));
        assertThat(DuplicatePosts.collapseKeys(otherAuthor))
                .doesNotContainAnyElementsOf(DuplicatePosts.collapseKeys(original));
    }

    private static SocialEvent post(String id, String authorId, String text, List<PostReference> references) {
        return new SocialEvent("x", id, new SocialAuthor(authorId, null, null, 0, 0, false), text, "en",
                Instant.parse("2026-11-24T10:00:00Z"), null, references, List.of(), List.of(), null, null, "raw");
    }
}
