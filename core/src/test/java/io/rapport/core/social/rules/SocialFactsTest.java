package io.rapport.core.social.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.PostReference;
import io.rapport.core.social.SentimentScorer.Sentiment;
import io.rapport.core.social.SocialAuthor;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocialFactsTest {

    @Test
    void factsOfAnEnrichedEventCarryWhatRulesLookAt() {
        SocialEvent event = new SocialEvent("x", "99", new SocialAuthor("u1", "@Jo", "Jo Doe", 5000, 10, true),
                "RT the X2 is great", null, Instant.parse("2026-03-02T10:00:00Z"), null,
                List.of(new PostReference(PostReference.Kind.REPOST, "98")), List.of("acme"), List.of("x2"), null,
                "https://x.com/jo/status/99", "raw-1");
        TextEnrichment text = new TextEnrichment("en", new Sentiment("positive", 0.6), "praise");

        SocialFacts facts = SocialFacts.of(event, "x-acme", text, 55, 3, true, "no", CustomerLink.prospect());

        assertThat(facts.post().key()).isEqualTo("x:99");
        assertThat(facts.post().source()).isEqualTo("x-acme");
        assertThat(facts.post().repost()).isTrue();
        assertThat(facts.post().duplicate()).isTrue();
        assertThat(facts.post().hashtags()).containsExactly("x2");
        assertThat(facts.author().handle()).isEqualTo("jo");
        assertThat(facts.author().verified()).isTrue();
        assertThat(facts.author().country()).isEqualTo("NO");
        assertThat(facts.reading().influence()).isEqualTo(55);
        assertThat(facts.customer().known()).isFalse();
    }

    @Test
    void readingsOutsideTheirVocabularyAreRefused() {
        assertThatThrownBy(() -> new SocialFacts.Reading("en", "angry", 0, "other", 0, 1))
                .hasMessageStartingWith("sentiment label angry is not one of");
        assertThatThrownBy(() -> new SocialFacts.Reading("en", "neutral", 0, "other", 0, 7))
                .hasMessage("conversation degree 7 is outside 1..6");
        assertThatThrownBy(() -> new SocialFacts.Reading("en", "neutral", 1.5, "other", 0, 1))
                .hasMessage("sentiment score 1.5 is outside -1..1");
        assertThat(new SocialFacts.Reading(null, "neutral", 0, "other", 0, 1).language()).isEqualTo("und");
    }

    @Test
    void aLinkIsEitherAKnownCustomerOrAProspect() {
        assertThatThrownBy(() -> new CustomerLink(CustomerLink.Status.PROSPECT, "c1", 0, null, null, null))
                .hasMessage("a prospect is linked to no customer");
        assertThatThrownBy(() -> CustomerLink.known("c1", 1.2, CustomerLink.LinkMethod.PROFILE_MATCH, null, null))
                .hasMessage("link confidence 1.2 is outside 0..1");
    }

    @Test
    void anAuthorWithoutNameOrHandleStillHasOneForALead() {
        assertThat(new SocialFacts.Author(null, " ", 0, false, null).name()).isEqualTo("unknown");
        assertThat(new SocialFacts.Author("jo", null, 0, false, null).name()).isEqualTo("@jo");
    }
}
