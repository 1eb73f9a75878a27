package io.rapport.core.social;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The language of a short post, among the ones the hub reads (en, es, de, fr, pt, it, nl, sv, da, no), from its
 * function words ("the", "und", "est-ce", "och") and letters only some of them write (ñ, ß, ã, å, ø), after links,
 * handles and hashtags are set aside. Other scripts are named by the script when it belongs to one language (Greek,
 * Hebrew, Thai, Hangul, kana) and are {@code und} otherwise, as is a post with no such evidence ("👍", "KX9P2L").
 *
 * <p>Why not a trained detector: on this project's 730 labelled posts the research pick, Lingua 1.2.2 in its
 * low-accuracy mode limited to the same languages, was right on 94 % at ~90 µs a post and a 77 MB jar; a short
 * English post such as "the lounge ran out of food at 6pm" came out German. Function words are what a short post
 * always has, and they are 0.3 µs to look up (docs/social-enrichment.md). Thread-safe, immutable.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    /** What a word (or a letter) is worth for a language. */
    private record Vote(String language, double weight) {
    }

    private static final String ENGLISH = "en";
    private static final double LETTER_WEIGHT = 0.75;
    /** Half a function word: one shared by two languages, or two accented letters. */
    private static final double MIN_EVIDENCE = 0.5;
    private static final Map<Integer, List<Vote>> LETTERS = letters();
    private static final double SUFFIX_WEIGHT = 0.5;
    /** Word endings only one of the languages has ("Lieferung", "freundlich", "soppressione", "vriendelijk"). */
    private static final Map<String, String> SUFFIXES = Map.of("ung", "de", "lich", "de", "keit", "de", "heit", "de",
            "zione", "it", "zioni", "it", "lijk", "nl", "heid", "nl", "tje", "nl", "ção", "pt");

    private final Map<String, List<Vote>> words;
    private final List<String> languages;

    public LanguageDetector() {
        Map<String, List<String>> byLanguage = loadWords();
        this.languages = List.copyOf(byLanguage.keySet());
        Map<String, List<String>> languagesOfWord = new HashMap<>();
        byLanguage.forEach((language, list) -> list.forEach(
                word -> languagesOfWord.computeIfAbsent(word, w -> new ArrayList<>()).add(language)));
        Map<String, List<Vote>> votes = new HashMap<>();
        // a word shared by k languages is weak evidence for each of them
        languagesOfWord.forEach((word, list) -> votes.put(word,
                list.stream().distinct().map(language -> new Vote(language, 1.0 / list.size())).toList()));
        this.words = Map.copyOf(votes);
    }

    /** An ISO 639-1 code, or {@link #UNDETERMINED}. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        double[] scores = new double[languages.size()];
        String script = null;
        int latinWords = 0;
        boolean otherLetters = false;
        StringBuilder word = new StringBuilder();
        int i = 0;
        int length = text.length();
        while (i <= length) {
            int codePoint = i < length ? text.codePointAt(i) : ' ';
            int width = Character.charCount(codePoint);
            if ((codePoint == '@' || codePoint == '#') && word.isEmpty()) {
                i = skipToken(text, i);
                continue;
            }
            if (codePoint == 'h' && word.isEmpty() && text.startsWith("http", i)) {
                i = skipToken(text, i);
                continue;
            }
            if (Character.isLetter(codePoint) || codePoint == '\'' || codePoint == '\u2019') {
                if (Character.isLetter(codePoint)) {
                    otherLetters |= codePoint > 'z';
                    String named = scriptLanguage(codePoint);
                    if (named != null) {
                        script = script == null ? named : script;
                    }
                    vote(LETTERS.get(Character.toLowerCase(codePoint)), LETTER_WEIGHT, scores);
                }
                word.appendCodePoint(codePoint == '\u2019' ? '\'' : Character.toLowerCase(codePoint));
            } else if (!word.isEmpty()) {
                latinWords += word.length() >= 3 ? 1 : 0;
                scoreWord(word.toString(), scores);
                word.setLength(0);
            }
            i += width;
        }
        int best = -1;
        double bestScore = 0;
        for (int l = 0; l < scores.length; l++) {
            // ties go to the language listed first, the more common one in the hub's traffic
            if (scores[l] > bestScore) {
                bestScore = scores[l];
                best = l;
            }
        }
        if (best >= 0 && bestScore >= MIN_EVIDENCE) {
            return languages.get(best);
        }
        if (script != null) {
            return script;
        }
        // no function word at all ("stop removing shows mid season"): in this traffic, plain unaccented Latin words
        // are English far more often than anything else
        return latinWords >= 2 && !otherLetters ? ENGLISH : UNDETERMINED;
    }

    private void scoreWord(String word, double[] scores) {
        List<Vote> votes = words.get(word);
        if (votes == null) {
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0 && apostrophe < word.length() - 1) {
                // French and Italian elision: "c'est", "l'équipage", "dell'aereo"
                votes = words.get(word.substring(0, apostrophe + 1));
                if (votes == null) {
                    votes = words.get(word.replace("'", ""));
                }
            }
        }
        if (votes == null) {
            for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
                if (word.length() > suffix.getKey().length() + 2 && word.endsWith(suffix.getKey())) {
                    addTo(suffix.getValue(), SUFFIX_WEIGHT, scores);
                    return;
                }
            }
        }
        vote(votes, 1, scores);
    }

    private void addTo(String language, double weight, double[] scores) {
        int index = languages.indexOf(language);
        if (index >= 0) {
            scores[index] += weight;
        }
    }

    private void vote(List<Vote> votes, double weight, double[] scores) {
        if (votes == null) {
            return;
        }
        for (Vote vote : votes) {
            int index = languages.indexOf(vote.language());
            if (index >= 0) {
                scores[index] += vote.weight() * weight;
            }
        }
    }

    private static int skipToken(String text, int i) {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A script that one language writes, or null (Latin, Cyrillic, Arabic, Han are shared by many). */
    private static String scriptLanguage(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return switch (script) {
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case HANGUL -> "ko";
            case HIRAGANA, KATAKANA -> "ja";
            default -> null;
        };
    }

    /** Letters only some languages write; each counts as part of a word for them. */
    private static Map<Integer, List<Vote>> letters() {
        Map<Integer, List<Vote>> letters = new HashMap<>();
        letter(letters, "ñ¿¡", "es");
        letter(letters, "ß", "de");
        letter(letters, "ü", "de");
        letter(letters, "äö", "de", "sv");
        letter(letters, "å", "sv", "da", "no");
        letter(letters, "æø", "da", "no");
        letter(letters, "ãõ", "pt");
        letter(letters, "ç", "fr", "pt");
        letter(letters, "âîûëïœ", "fr");
        letter(letters, "ê", "fr", "pt");
        letter(letters, "èù", "fr", "it");
        letter(letters, "ìò", "it");
        letter(letters, "à", "fr", "it", "pt");
        letter(letters, "íóú", "es", "pt");
        letter(letters, "é", "fr", "es", "pt", "it");
        return Map.copyOf(letters);
    }

    private static void letter(Map<Integer, List<Vote>> letters, String chars, String... languages) {
        chars.codePoints().forEach(c -> letters.put(c,
                List.of(languages).stream().map(language -> new Vote(language, 1.0 / languages.length)).toList()));
    }

    private static Map<String, List<String>> loadWords() {
        Map<String, List<String>> byLanguage = new java.util.LinkedHashMap<>();
        try (InputStream in = LanguageDetector.class.getResourceAsStream("language_words.txt")) {
            if (in == null) {
                throw new IllegalStateException("language_words.txt is missing from the core's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.strip().split("\\s+");
                List<String> list = byLanguage.computeIfAbsent(columns[0], l -> new ArrayList<>());
                for (int c = 1; c < columns.length; c++) {
                    list.add(columns[c].toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byLanguage;
    }
}
