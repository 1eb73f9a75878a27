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

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "es|servicio pésimo, nadie contesta|negative",
            "es|no es bueno|negative",
            "es|muchas gracias, todo perfecto|positive",
            "es|me subís la tarifa sin avisar. Fatal|negative",
            "de|das gefällt mir nicht|negative",
            "de|sehr freundliche Crew, vielen Dank!|positive",
            "de|funktioniert nicht, keine Antwort|negative",
            "fr|pas terrible, toujours pas de connexion|negative",
            "fr|merci, équipage au top|positive",
            "pt|péssimo atendimento, ninguém atende|negative",
            "pt|adorei, entrega super rápida|positive",
            "it|non funziona, che schifo|negative",
            "it|personale gentilissimo, grazie|positive",
            "nl|werkt niet, geen reactie|negative",
            "nl|top service, dank je|positive",
            "sv|inte bra alls|negative",
            "sv|tack, jättetrevlig personal|positive"})
    void eachLanguageHasItsOwnWordsNegatorsAndBoosters(String language, String text, String label) {
        assertThat(SCORER.score(text, language).label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "great, another flight delay. love spending my saturday at the gate",
            "thanks for nothing",
            "@acme thank you for the 4th outage this week 👏",
            "so glad I paid for \"fast\" shipping",
            "what a wonderful experience #not",
            "@acme 3 hours on the runway lol",
            "@acme lost my bag again 😂"})
    void praiseInAProblemReportIsIrony(String text) {
        assertThat(SCORER.score(text).label()).isEqualTo(SentimentScorer.Sentiment.NEGATIVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acme refunded me at once for the damaged item, thank you",
            "@acme cancelled flight but the crew rebooked us in minutes, great job",
            "the cocktail was incredible",
            "pretty good actually",
            "@acme thank you for finding my lost bag!",
            "@acme thanks for rebooking me after the cancellation",
            "@acme thank you for taking care of us during the delay",
            "@acme thank you for looking after my grandma on her first flight 😭",
            "@acme you guys rock",
            "@acme the new menu is fire, nailed it",
            "@acme will definitely fly with you again",
            "@acme 10/10 would fly again",
            "@acme the crew went above and beyond",
            "@acme landed 20 min early 👌"})
    void praiseStaysPraise(String text) {
        assertThat(SCORER.score(text).label()).isEqualTo(SentimentScorer.Sentiment.POSITIVE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@acme 45 min on hold",
            "@acme flight delayed again",
            "@acme my package still hasn't arrived",
            "@acme the app won't let me pick seats",
            "@acme third time this month",
            "@acme bumped from an overbooked flight",
            "@acme what a nightmare",
            "@acme I'm never flying with you again",
            "@acme lost bag 🙃",
            "@acme I will never fly with you again",
            "@acme I've called 5 times about my bill",
            "@acme been trying to reach someone for days",
            "@acme you need to do better"})
    void serviceProblemsAreNegativeWithoutAFeelingWord(String text) {
        assertThat(SCORER.score(text).label()).isEqualTo(SentimentScorer.Sentiment.NEGATIVE);
    }

    @Test
    void handlesAndLinksCarryNoSentiment() {
        // "united" and "delta" are VADER words; as handles they are names
        assertThat(SCORER.score("@united on my way to the airport").label())
                .isEqualTo(SentimentScorer.Sentiment.NEUTRAL);
        assertThat(SCORER.score("see https://example.com/great-awesome-love").label())
                .isEqualTo(SentimentScorer.Sentiment.NEUTRAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "flying United to Denver tomorrow",
            "is the Best Buy on 5th open today?",
            "I called customer care about my travel credit",
            "can I bring hand luggage and a backpack?",
            "the Fed will announce interest rates on Wednesday",
            "this is why I fly with you"})
    void namesAndServiceTermsAreNoPraise(String text) {
        // VADER scores "united", "best", "care", "credit", "hand" and "interest" as praise
        assertThat(SCORER.score(text).label()).isEqualTo(SentimentScorer.Sentiment.NEUTRAL);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "that ending had me screaming 😂😂|positive",
            "RIP to a legend. gone too soon|negative",
            "honestly not impressed with the new phone|negative",
            "this heat is unbearable|negative",
            "cannot wait for the new season|positive"})
    void generalTweetsAmongFriends(String text, String label) {
        // laughter is exasperation only in a post to a brand that reports a problem
        assertThat(SCORER.score(text).label()).isEqualTo(label);
    }

    @Test
    void coloredHeartsAreLove() {
        assertThat(SCORER.score("@acme 💙💙").label()).isEqualTo(SentimentScorer.Sentiment.POSITIVE);
        assertThat(SCORER.score("@acme 💜").label()).isEqualTo(SentimentScorer.Sentiment.POSITIVE);
    }

    @Test
    void capitalsStressAndHowFastIsNoWait() {
        assertThat(SCORER.score("the crew was GREAT today").score())
                .isGreaterThan(SCORER.score("the crew was great today").score());
        assertThat(SCORER.score("@acme fixed in 10 minutes, thanks").label())
                .isEqualTo(SentimentScorer.Sentiment.POSITIVE);
    }
}
