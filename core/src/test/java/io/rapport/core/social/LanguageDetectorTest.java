package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = new LanguageDetector();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "en|@united the lounge ran out of food at 6pm",
            "en|stop removing shows mid season",
            "es|@Iberia me perdisteis la maleta y nadie contesta",
            "es|¿Cuánto cuesta?",
            "de|Danke an das freundliche Personal im ICE",
            "de|Lieferung am selben Tag, klasse!",
            "fr|c'est une blague, toujours pas de connexion",
            "fr|ligne coupée et on me facture quand même",
            "pt|não chegou até agora, que vergonha",
            "it|il treno è in ritardo di un'ora e nessuno risponde",
            "nl|het pakket is nooit aangekomen",
            "sv|Regn igen, så trist",
            "sv|tåget är försenat igen",
            "el|Καλημέρα σε όλους",
            "ja|ありがとうございます"})
    void shortPostsInTheHubsLanguages(String language, String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(language);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "👍🔥", "KX9P2L", "@Delta https://t.co/x1", "#giveaway #win", "''"})
    void postsWithoutWordsHaveNoLanguage(String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "@el_corte_ingles_de_madrid how do I return this?",
            "check this out https://www.example.com/das-ist-der-die-und-oder thanks"})
    void handlesAndLinksDoNotVote(String text) {
        assertThat(DETECTOR.detect(text)).isEqualTo("en");
    }
}
