package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.SentimentScorer.Sentiment;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextEnricherTest {

    private static final TextEnricher ENRICHER = new TextEnricher();

    @ParameterizedTest(name = "declared {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "fr|@acme thanks, all good now|fr",
            "EN|@acme merci beaucoup|en",
            "in|terima kasih|id",
            "iw|תודה|he",
            "und|@acme el pedido no ha llegado|es",
            "zxx|@acme el pedido no ha llegado|es",
            "qme|@acme el pedido no ha llegado|es",
            "''|@acme el pedido no ha llegado|es"})
    void theNetworksLanguageIsKeptUnlessItNamesNone(String declared, String text, String language) {
        assertThat(ENRICHER.analyze(text, declared.isEmpty() ? null : declared, 0).language()).isEqualTo(language);
    }

    @Test
    void aComplaintIsNegativeEvenWhenStatedFlatly() {
        TextEnrichment flat = ENRICHER.analyze("@acme where is my package? ordered 3 weeks ago", "en", 0);

        assertThat(flat.intent()).isEqualTo(IntentClassifier.COMPLAINT);
        assertThat(flat.sentiment().label()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(flat.sentiment().score()).isNegative();
    }

    @Test
    void aQuestionWithFaintAffectIsNeutral() {
        TextEnrichment question = ENRICHER.analyze("@acme can I pay for an extra bag at the airport?", "en", 0);

        assertThat(question.intent()).isEqualTo(IntentClassifier.QUESTION);
        assertThat(question.sentiment().label()).isEqualTo(Sentiment.NEUTRAL);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "@acme do you have a good family plan with 4 lines?|neutral",
            "@acme is the lounge in terminal D open?|neutral",
            "@acme love you guys!! when do the summer fares come out?|positive",
            "@acme 15 years a customer and you can't waive a $5 fee?|negative"})
    void aQuestionIsPositiveOnlyWhenItPraisesClearly(String text, String label) {
        // a good word in a question mostly describes what is asked for; a negative lean keeps its polarity
        assertThat(ENRICHER.analyze(text, "en", 0).sentiment().label()).isEqualTo(label);
    }

    @Test
    void otherLanguagesAreScoredWithTheirOwnWords() {
        assertThat(ENRICHER.analyze("@acme servicio pésimo, nadie contesta", null, 0).sentiment().label())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(ENRICHER.analyze("@acme merci pour l'accueil, équipage adorable", null, 0).sentiment().label())
                .isEqualTo(Sentiment.POSITIVE);
    }
}
