package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.AuthorProfileMatcher.Candidate;
import io.rapport.core.social.AuthorProfileMatcher.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorProfileMatcherTest {

    private final AuthorProfileMatcher matcher = new AuthorProfileMatcher();
    private final Candidate anna = new Candidate("C-1", "Anna Berg", List.of("anna.berg@example.com"));
    private final Candidate annika = new Candidate("C-2", "Annika Borg", List.of("ab@example.org"));

    @Test
    void nameAndHandleAgreeingTogetherAreAlmostCertain() {
        assertThat(matcher.best(author("anna_berg84", "Anna Berg"), List.of(anna, annika)))
                .contains(new Match("C-1", 1.0));
        assertThat(matcher.best(author("bergAnna", "Anna Berg"), List.of(anna)).orElseThrow().confidence())
                .isEqualTo(1.0);
    }

    @Test
    void theHandleMayBeTheLocalPartOfTheCustomersEmail() {
        Candidate nick = new Candidate("C-3", "Nicholas Lund", List.of("nlund@example.com"));
        assertThat(matcher.best(author("nlund", "Nicholas Lund"), List.of(nick)).orElseThrow().confidence())
                .isEqualTo(1.0);
    }

    @Test
    void theSameNameWithAnUnrelatedHandleIsOnlyAProposal() {
        double confidence = matcher.best(author("sunnyday", "Anna Berg"), List.of(anna)).orElseThrow().confidence();
        assertThat(confidence).isEqualTo(0.7);
    }

    @Test
    void accentsCaseAndEmojiInTheDisplayNameDoNotMatter() {
        Candidate lea = new Candidate("C-4", "Léa Dubois", List.of());
        assertThat(matcher.best(author("leadubois", "LEA DUBOIS 🌻"), List.of(lea)).orElseThrow().confidence())
                .isEqualTo(1.0);
    }

    @Test
    void differentNamesNeverMatchWhateverTheHandle() {
        assertThat(matcher.best(author("annaberg", "Peter Holm"), List.of(anna))).isEmpty();
        assertThat(matcher.best(author("annaberg", null), List.of(anna))).isEmpty();
    }

    @Test
    void twoCustomersWithTheSameNameMakeTheBestMatchAQuestionForAPerson() {
        Candidate otherAnna = new Candidate("C-9", "Anna Berg", List.of("a.berg@example.net"));
        Match match = matcher.best(author("sunnyday", "Anna Berg"), List.of(anna, otherAnna)).orElseThrow();
        assertThat(match.confidence()).isEqualTo(0.55);
    }

    private static SocialAuthor author(String handle, String name) {
        return new SocialAuthor("1", handle, name, 10, 10, false);
    }
}
