package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentimentScorerTest {

    private static final SentimentScorer SCORER = new SentimentScorer();
    private static final SentimentScorer VADER = SentimentScorer.vader();

    /** The examples VADER's authors publish with the compound scores their Python implementation gives. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VADER is smart, handsome, and funny.|0.8316",
            "VADER is smart, handsome, and funny!|0.8439",
            "VADER is very smart, handsome, and funny.|0.8545",
            "VADER is VERY SMART, handsome, and FUNNY.|0.9227",
            "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342",
            "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!|0.9469",
            "VADER is not smart, handsome, nor funny.|-0.7424",
            "The book was good.|0.4404",
            "At least it isn't a horrible book.|0.431",
            "The book was only kind of good.|0.3832",
            "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042",
            "Today SUX!|-0.5461",
            "Today only kinda sux! But I'll get by, lol|0.5249",
            "Make sure you :) or :D today!|0.8633",
            "Not bad at all|0.431"})
    void theReferenceExamplesScoreAsInThePythonOriginal(String text, double compound) {
        assertThat(VADER.compound(text)).isCloseTo(compound, within(0.0001));
    }

    @Test
    void emojisCountForWhatTheyMean() {
        assertThat(SCORER.score("my order never arrived 😡😡").label()).isEqualTo(SentimentScorer.Sentiment.NEGATIVE);
        assertThat(SCORER.score("just got the new X2 😍🔥").label()).isEqualTo(SentimentScorer.Sentiment.POSITIVE);
        assertThat(SCORER.score("❤️ this").score()).isPositive();
        assertThat(SCORER.score("💔").score()).isNegative();
    }

    @Test
    void upperCaseNegationNegatesAndPlainStatementsAreNeutral() {
        assertThat(SCORER.score("This is NOT good at all").label()).isEqualTo(SentimentScorer.Sentiment.NEGATIVE);
        assertThat(SCORER.score("The store opens at 9 on Monday").label()).isEqualTo(SentimentScorer.Sentiment.NEUTRAL);
        assertThat(SCORER.score("").score()).isZero();
    }
}
