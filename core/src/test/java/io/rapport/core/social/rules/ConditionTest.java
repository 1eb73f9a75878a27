package io.rapport.core.social.rules;

import static io.rapport.core.social.rules.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionTest {

    @Test
    void anEmptyConditionMatchesOriginalPostsButNotRepostsOrDuplicates() {
        assertThat(Condition.ANY.matches(post().facts())).isTrue();
        assertThat(Condition.ANY.matches(post().repost().facts())).isFalse();
        assertThat(Condition.ANY.matches(post().duplicate().facts())).isFalse();
        Condition all = Condition.builder().includeReposts(true).includeDuplicates(true).build();
        assertThat(all.matches(post().repost().duplicate().facts())).isTrue();
    }

    @Test
    void listsMeanAnyOfAndTestsMeanAllOf() {
        Condition condition = Condition.builder().intents("complaint", "question").sentiments("negative").build();

        assertThat(condition.matches(post().intent("question").sentiment("negative", -0.4).facts())).isTrue();
        assertThat(condition.matches(post().intent("question").sentiment("neutral", 0).facts())).isFalse();
        assertThat(condition.matches(post().intent("praise").sentiment("negative", -0.4).facts())).isFalse();
    }

    @Test
    void scoreBoundsAreStrictAndAtLeastBoundsInclusive() {
        Condition below = Condition.builder().scoreBelow(-0.5).build();
        assertThat(below.matches(post().sentiment("negative", -0.5).facts())).isFalse();
        assertThat(below.matches(post().sentiment("negative", -0.51).facts())).isTrue();

        Condition influential = Condition.builder().influenceAtLeast(70).degreeAtLeast(4).build();
        assertThat(influential.matches(post().influence(70).degree(4).facts())).isTrue();
        assertThat(influential.matches(post().influence(69).degree(6).facts())).isFalse();
    }

    @Test
    void aLanguageMatchesItsRegionalForms() {
        Condition english = Condition.builder().languages("EN").build();
        assertThat(english.matches(post().language("en-GB").facts())).isTrue();
        assertThat(english.matches(post().language("eng").facts())).isFalse();
        Condition british = Condition.builder().languages("en-GB").build();
        assertThat(british.matches(post().language("en").facts())).isFalse();
        Condition unknown = Condition.builder().languages("und").build();
        assertThat(unknown.matches(post().language(null).facts())).isTrue();
    }

    @Test
    void keywordsMatchWholeWordsAndPhrasesIgnoringCase() {
        Condition condition = Condition.builder().keywords("X2", "free trial").build();

        assertThat(condition.matches(post().text("Is the x2 any good?").facts())).isTrue();
        assertThat(condition.matches(post().text("the Acme x20 is out").facts())).isFalse();
        assertThat(condition.matches(post().text("Any FREE   TRIAL?").facts())).isTrue();
    }

    @Test
    void hashtagsIgnoreTheirSignAndCase() {
        Condition condition = Condition.builder().hashtags(List.of("#AcmeHelp")).build();
        assertThat(condition.matches(post().hashtags("acmehelp").facts())).isTrue();
        assertThat(condition.matches(post().hashtags("acme").facts())).isFalse();
    }

    @Test
    void knownAuthorsCanBeRequiredWithAMinimumLinkConfidence() {
        Condition known = Condition.builder().author(AuthorKind.KNOWN).minConfidence(0.8).build();
        CustomerLink weak = CustomerLink.known("c1", 0.7, LinkMethod.PROFILE_MATCH, null, null);

        assertThat(known.matches(post().known().facts())).isTrue();
        assertThat(known.matches(post().customer(weak).facts())).isFalse();
        assertThat(known.matches(post().facts())).isFalse();
        Condition prospect = Condition.builder().author(AuthorKind.PROSPECT).build();
        assertThat(prospect.matches(post().facts())).isTrue();
        assertThat(prospect.matches(post().known().facts())).isFalse();
        Condition declared = Condition.builder().author(AuthorKind.KNOWN)
                .linkedBy(List.of(LinkMethod.DECLARED_HANDLE)).build();
        assertThat(declared.matches(post().customer(weak).facts())).isFalse();
    }

    @Test
    void aCountryTestNeverMatchesAnAuthorWithoutCountry() {
        Condition norway = Condition.builder().countries(List.of("no")).build();
        assertThat(norway.matches(post().country("NO").facts())).isTrue();
        assertThat(norway.matches(post().facts())).isFalse();
    }

    @Test
    void linkTestsWithoutAKnownAuthorAreRefused() {
        assertThatThrownBy(() -> Condition.builder().minConfidence(0.5).build())
                .hasMessage("minConfidence and linkedBy need author: known");
        assertThatThrownBy(() -> Condition.builder().intents("purchase").build())
                .hasMessage("unknown intent purchase");
    }
}
