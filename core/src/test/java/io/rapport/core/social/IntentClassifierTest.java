package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What posts want, in the languages the rules know; the sentiment comes from the real scorer. */
class IntentClassifierTest {

    private static final SentimentScorer SENTIMENT = new SentimentScorer();
    private static final IntentClassifier INTENT = new IntentClassifier();
    private static final LanguageDetector LANGUAGES = new LanguageDetector();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "@acme my order never arrived and nobody answers 😡|complaint",
            "@acme why is my X2 still not working after the update??|complaint",
            "@acme mi pedido no funciona, quiero un reembolso|complaint",
            "@acme das Gerät ist kaputt. Frechheit!|complaint",
            "Thinking of buying the Acme X2, anyone tried it?|purchase_intent",
            "where can I buy the new @acme headphones in Oslo|purchase_intent",
            "Quiero comprar el Acme X2 😍|purchase_intent",
            "@acme do you ship to Iceland?|purchase_intent",
            "@acme how much is the X2 with the charger?|purchase_intent",
            "@acme is the X2 back in stock?|purchase_intent",
            "@acme ¿tenéis el X2 en la tienda de Madrid?|purchase_intent",
            "@acme was kostet das X2 ohne Vertrag?|purchase_intent",
            "@acme can I change the delivery address of my order?|question",
            "@acme three weeks and my package still hasn't shown up|complaint",
            "@acme 2 hours on hold and then they hung up|complaint",
            "@acme why is my bill $20 higher this month?|complaint",
            "@acme thanks for losing my bag|complaint",
            "@acme thanks for getting us on the next flight after the cancelled one|praise",
            "@acme my bag is still missing, thanks|complaint",
            "@acme would fly with you again, great crew|praise",
            "@acme I will never fly with you again|complaint",
            "@acme I've called 5 times about my bill|complaint",
            "@acme can I change my seat|question",
            "@acme treno soppresso e nessun rimborso, vergognoso|complaint",
            "@acme internet valt steeds weg, al een week lang|complaint",
            "I hate mondays|other",
            "@acme the crew on my flight today was wonderful|praise",
            "¿A qué hora abre la tienda de Acme?|question",
            "Just got my @acme X2 and I LOVE it!!! 🎉|praise",
            "Thanks @acme for the quick help, great job|praise",
            "🚀 GIVEAWAY! Follow + RT to win 1 BTC https://t.co/x #crypto #free|spam",
            "Earn money from home, click here https://spam.example|spam",
            "At the Acme store downtown with my brother|other"})
    void postsAreSortedByWhatTheyWant(String text, String intent) {
        int hashtags = (int) text.chars().filter(c -> c == '#').count();
        String language = LANGUAGES.detect(text);
        assertThat(INTENT.classify(text, SENTIMENT.score(text, language).score(), hashtags)).isEqualTo(intent);
    }
}
