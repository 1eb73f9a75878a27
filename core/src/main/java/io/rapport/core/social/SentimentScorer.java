package io.rapport.core.social;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentiment of social text: a Java port of VADER (Hutto and Gilbert, 2014; MIT, lexicon and notice in this package's
 * resources), a lexicon of 7,500 words, emoticons and slang with rules for what social posts do to them: negation
 * ("not good"), boosters and dampeners ("very", "kinda"), ALL CAPS among lower case, exclamation marks, "but" (what
 * follows weighs more), "least", "no". Emojis are read as the lexicon words that say what they mean, and keep their
 * own valence whatever words precede them. Thread-safe.
 *
 * <p>Beyond English: Spanish, German, French, Portuguese, Italian, Dutch and Swedish (Danish and Norwegian borrow
 * Swedish) each have a lexicon of their own with their negators, boosters and "but" ({@link SentimentLexicon}); the
 * same rules run over them. Customer service: VADER learnt on general social media, so {@code sentiment_en.txt}
 * adds what a post to a brand means by "delayed", "on hold" or "still waiting", and takes the praise out of "like",
 * "please" and "help". Sarcasm: in a post that reports a problem, the words of polite or ironic praise ("thanks",
 * "great", "love", "👏") count against the brand ("great, another delay"), unless the post says the problem was
 * solved or turns with "but"; {@code #not}, {@code #sarcasm} and {@code /s} turn a positive post negative.
 *
 * <p>Differences from the Python original, each deliberate: "but" scales by position, not by the first equal value
 * (a quirk of the original's list lookup); common emojis map to lexicon words directly instead of through their
 * Unicode descriptions, and are not negated ("my order never arrived 😡" is negative).
 */
public final class SentimentScorer {

    /** The label and the compound score, -1 (most negative) to 1. */
    public record Sentiment(String label, double score) {

        public static final String POSITIVE = "positive";
        public static final String NEGATIVE = "negative";
        public static final String NEUTRAL = "neutral";
    }

    /** VADER's own thresholds on the compound score. */
    static final double THRESHOLD = 0.05;

    private static final double B_INCR = 0.293;
    private static final double B_DECR = -0.293;
    private static final double C_INCR = 0.733;
    private static final double N_SCALAR = -0.74;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /** Marks the word an emoji stands for: it keeps its own valence, whatever words precede it. */
    private static final char EMOJI = '\u2063';

    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
            "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
            "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh",
            "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    private static final Map<String, Double> BOOSTERS = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /**
     * Emojis as the lexicon word that says what they mean on social networks. Not 😭: it is used for being overwhelmed
     * as often as for sadness ("thank you for taking care of my grandma 😭"; near neutral in Novak et al.'s Emoji
     * Sentiment Ranking, 2015), so it says nothing by itself. 🙃 is resignation ("lost bag again 🙃").
     */
    private static final Map<String, String> EMOJIS = Map.ofEntries(
            Map.entry("😀", "happy"), Map.entry("😃", "happy"), Map.entry("😄", "happy"), Map.entry("😁", "happy"),
            Map.entry("😊", "smile"), Map.entry("🙂", "smile"), Map.entry("😉", "smile"), Map.entry("😍", "love"),
            Map.entry("🥰", "love"), Map.entry("😘", "kiss"), Map.entry("❤", "love"), Map.entry("❤️", "love"),
            Map.entry("💕", "love"), Map.entry("💖", "love"), Map.entry("😂", "lol"), Map.entry("🤣", "lol"),
            Map.entry("👍", "good"), Map.entry("👌", "good"), Map.entry("👏", "great"), Map.entry("🙌", "great"),
            Map.entry("🎉", "celebrate"), Map.entry("🥳", "celebrate"), Map.entry("🤩", "amazing"),
            Map.entry("💯", "perfect"), Map.entry("🔥", "awesome"), Map.entry("🙏", "thanks"),
            Map.entry("😡", "angry"), Map.entry("😠", "angry"), Map.entry("🤬", "furious"), Map.entry("😤", "annoyed"),
            Map.entry("🙄", "annoying"), Map.entry("😒", "unhappy"), Map.entry("😞", "disappointed"),
            Map.entry("😔", "sad"), Map.entry("😢", "sad"), Map.entry("😩", "frustrated"),
            Map.entry("😫", "frustrated"), Map.entry("💔", "heartbroken"), Map.entry("👎", "bad"),
            Map.entry("🤮", "disgusting"), Map.entry("🤢", "disgusting"), Map.entry("💩", "crap"),
            Map.entry("😱", "horrified"), Map.entry("😬", "awkward"), Map.entry("💙", "love"), Map.entry("💚", "love"),
            Map.entry("💛", "love"), Map.entry("💜", "love"), Map.entry("🧡", "love"), Map.entry("🤍", "love"),
            Map.entry("💗", "love"), Map.entry("💓", "love"), Map.entry("💞", "love"), Map.entry("♥", "love"),
            Map.entry("😎", "cool"), Map.entry("😋", "yummy"), Map.entry("🤗", "hug"), Map.entry("💪", "strong"),
            Map.entry("😌", "relieved"), Map.entry("🙁", "sad"), Map.entry("☹", "sad"), Map.entry("😕", "confused"),
            Map.entry("😟", "worried"), Map.entry("😣", "frustrated"), Map.entry("😖", "frustrated"),
            Map.entry("🤦", "ugh"), Map.entry("🙃", "sigh"), Map.entry("☀", "sunny"));

    /**
     * Praise words that, in a post reporting a problem, are irony or mere politeness ("thanks for the delay").
     */
    private static final Set<String> IRONIC = Set.of("thanks", "thank", "thx", "great", "awesome", "love", "loving",
            "wow", "cool", "fantastic", "brilliant", "genius", "classy", "nice", "glad", "happy", "appreciate",
            "perfect", "wonderful", "amazing", "excellent", "congrats", "bravo", "lovely", "fun", "best", "good",
            "super", "impressive", "outstanding", "gracias", "genial", "perfecto", "merci", "génial",
            "parfait", "danke", "toll", "klasse", "prima", "grazie", "ottimo", "perfetto", "obrigado", "obrigada",
            "ótimo", "bedankt", "tack", EMOJI + "great");
    /**
     * Laughter, which in a post to a brand that reports a problem is exasperation ("@acme 3 hours on the runway
     * lol"), not joy; among friends it stays laughter ("that ending had me screaming 😂").
     */
    private static final Set<String> LAUGHTER = Set.of("lol", "lmao", "haha", "hahaha", "rofl", EMOJI + "lol");
    private static final Pattern HANDLE = Pattern.compile("@\\w");
    /**
     * Words (or two-word terms) saying the problem a post mentions was solved: then its thanks are meant ("thank you
     * for finding my lost bag", "thanks for rebooking me after the cancellation").
     */
    private static final Set<String> SOLVED = Set.of("fixed", "fixing", "sorted", "resolved", "solved", "helped",
            "helping", "help", "saved", "rebooked", "rebooking", "refunded", "reimbursed", "instantly", "immediately",
            "got me", "got us", "getting me", "getting us", "took care", "taking care", "found", "finding",
            "replaced", "made it", "all good",
            "solucionado", "resuelto", "gelöst", "réglé", "résolu", "resolvido", "risolto", "opgelost", "löst");
    private static final Set<String> THANKS = Set.of("thanks", "thank", "thx", "ty", "gracias", "danke", "merci",
            "obrigado", "obrigada", "grazie", "bedankt", "tack", "appreciate", "thank you");
    /** What is left of a problem's weight once the post says it was solved and thanks for it. */
    private static final double SOLVED_SCALAR = 0.3;
    private static final Set<String> SARCASM_TAGS = Set.of("#not", "#sarcasm", "/s", "#sarcastic");
    private static final double IRONY_SCALAR = -0.6;
    /** Problem words at least this negative make praise words ironic. */
    private static final double PROBLEM = -1.0;
    private static final List<String> LANGUAGES = List.of("es", "de", "fr", "pt", "it", "nl", "sv");
    /** A negation with nothing to negate reports a failure: "won't let me pick seats", "no me da solución". */
    private static final double FAILED_ACTION = -0.7;
    /** Negators that say "without", not "did not". */
    private static final Set<String> WITHOUT = Set.of("without", "despite", "nor", "neither", "rarely", "seldom",
            "sin", "sem", "senza", "ohne", "sans", "utan", "zonder", "uden", "uten", "ni", "nem", "né", "noch", "weder",
            "ne");
    private static final double WAITED_VALENCE = -0.9;
    /** Stands between two sentences in the token list, so that negation and phrases stop there. */
    private static final String SENTENCE_END = "\u2029";
    private static final String SENTENCE_ENDS = ".!?;";
    /** Words in quotation marks, as in "fast" shipping: praise quoted is praise denied. */
    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]{1,40})[\"“”]");

    private final SentimentLexicon english;
    private final Map<String, SentimentLexicon> lexicons;
    private final boolean socialRules;

    /** VADER's lexicon with the customer-service additions, and the lexicons of the other languages. */
    public SentimentScorer() {
        this(true);
    }

    private SentimentScorer(boolean socialRules) {
        Map<String, Double> vader = loadLexicon();
        this.socialRules = socialRules;
        Map<String, Double> boosters = new HashMap<>(BOOSTERS);
        // "pretty good", "pretty bad": VADER lists "pretty" only as praise
        boosters.put("pretty", SentimentLexicon.INCREASE);
        this.english = socialRules ? SentimentLexicon.english(vader, NEGATE, boosters)
                : SentimentLexicon.plain(vader, NEGATE, BOOSTERS);
        Map<String, Double> shared = shared(vader);
        Map<String, SentimentLexicon> lexicons = new HashMap<>();
        for (String language : LANGUAGES) {
            lexicons.put(language, SentimentLexicon.of(language, shared));
        }
        lexicons.put("da", lexicons.get("sv"));
        lexicons.put("no", lexicons.get("sv"));
        lexicons.put("nb", lexicons.get("sv"));
        lexicons.put("nn", lexicons.get("sv"));
        this.lexicons = Map.copyOf(lexicons);
    }

    /** VADER exactly as published, without this project's additions: for checking the port against the original. */
    static SentimentScorer vader() {
        return new SentimentScorer(false);
    }

    /** Sentiment of an English post (or one whose language is unknown). */
    public Sentiment score(String text) {
        return score(text, "en");
    }

    /**
     * @param language ISO 639-1 code; a language without a lexicon of its own (and {@code und}) is read as English,
     *                 the language most posts use and whose emoticons and slang the others borrow
     */
    public Sentiment score(String text, String language) {
        double compound = compound(text, lexicon(language));
        String label = compound >= THRESHOLD ? Sentiment.POSITIVE
                : compound <= -THRESHOLD ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new Sentiment(label, compound);
    }

    private SentimentLexicon lexicon(String language) {
        return language == null ? english : lexicons.getOrDefault(language, english);
    }

    /** VADER's compound score of an English post, rounded to four places as VADER reports it. */
    double compound(String text) {
        return compound(text, english);
    }

    private double compound(String text, SentimentLexicon lexicon) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String words = emojisAsWords(text);
        List<String> tokens = phrases(tokens(words, socialRules), lexicon);
        boolean capDifferential = capDifferential(tokens);
        List<Double> sentiments = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String lower = lower(tokens.get(i));
            if (lower.charAt(0) == EMOJI) {
                // "never arrived 😡" is angry: an emoji says what it says, not negated or boosted by the words
                Double valence = english.valence(lower.substring(1));
                sentiments.add(valence == null ? 0.0 : valence);
                continue;
            }
            if (lexicon.booster(lower) != null && (!socialRules || boosts(tokens, i, lexicon))
                    || i < tokens.size() - 1 && lower.equals("kind") && lower(tokens.get(i + 1)).equals("of")) {
                sentiments.add(0.0);
                continue;
            }
            double valence = valence(tokens, i, capDifferential, lexicon);
            if (socialRules && valence == 0 && lexicon.negates(lower) && !WITHOUT.contains(lower)
                    && !negatesAWord(tokens, i, lexicon)) {
                valence = FAILED_ACTION;
            }
            sentiments.add(valence);
        }
        double waited = 0;
        if (socialRules) {
            String lower = text.toLowerCase(Locale.ROOT);
            waited = ServiceCues.waitedOrRepeated(lower) ? WAITED_VALENCE : 0;
            quoted(text, tokens, sentiments);
        }
        butCheck(tokens, sentiments, lexicon);
        if (sentiments.isEmpty()) {
            return 0;
        }
        if (socialRules) {
            irony(tokens, sentiments, lexicon, waited < 0, HANDLE.matcher(text).find());
            sentiments.add(waited);
        }
        double sum = 0;
        for (double sentiment : sentiments) {
            sum += sentiment;
        }
        double emphasis = punctuationEmphasis(words);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        double normalized = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + 15)));
        if (socialRules && normalized > 0 && sarcasmTagged(text)) {
            normalized = -normalized;
        }
        return Math.round(normalized * 10_000) / 10_000.0;
    }

    /**
     * In a post that reports a problem and does not say it was solved or turn with "but", praise words are irony
     * or politeness: they count against, at a fraction of their weight.
     */
    private static void irony(List<String> tokens, List<Double> sentiments, SentimentLexicon lexicon,
            boolean waited, boolean addressed) {
        boolean problem = waited;
        for (double sentiment : sentiments) {
            problem |= sentiment <= PROBLEM;
        }
        if (!problem) {
            return;
        }
        boolean thanked = false;
        boolean solved = false;
        for (int i = 0; i < tokens.size(); i++) {
            String lower = lower(tokens.get(i));
            if (lexicon.contrasts(lower)) {
                return;
            }
            solved |= SOLVED.contains(lower)
                    || i + 1 < tokens.size() && SOLVED.contains(lower + " " + lower(tokens.get(i + 1)));
            thanked |= THANKS.contains(lower);
        }
        if (solved) {
            if (thanked) {
                // "refunded me at once for the damaged item, thank you": the problem is over, the thanks are meant
                for (int i = 0; i < sentiments.size(); i++) {
                    if (sentiments.get(i) < 0) {
                        sentiments.set(i, sentiments.get(i) * SOLVED_SCALAR);
                    }
                }
            }
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            String lower = lower(tokens.get(i));
            if (sentiments.get(i) > 0 && (IRONIC.contains(lower) || addressed && LAUGHTER.contains(lower))) {
                sentiments.set(i, sentiments.get(i) * IRONY_SCALAR);
            }
        }
    }

    /**
     * A booster boosts only a word that carries sentiment right after it; otherwise it is a word of its own, as
     * "incredible" in "the cocktail was incredible".
     */
    private static boolean boosts(List<String> tokens, int i, SentimentLexicon lexicon) {
        if (i + 1 >= tokens.size()) {
            return false;
        }
        String next = lower(tokens.get(i + 1));
        return lexicon.knows(next) || lexicon.booster(next) != null || next.charAt(0) == EMOJI;
    }

    private static boolean negatesAWord(List<String> tokens, int i, SentimentLexicon lexicon) {
        for (int next = i + 1; next <= i + 3 && next < tokens.size(); next++) {
            if (lexicon.knows(lower(tokens.get(next)))) {
                return true;
            }
        }
        return false;
    }

    private static void quoted(String text, List<String> tokens, List<Double> sentiments) {
        if (text.indexOf('"') < 0 && text.indexOf('“') < 0) {
            return;
        }
        Set<String> quoted = new HashSet<>();
        Matcher matcher = QUOTED.matcher(text);
        while (matcher.find()) {
            for (String word : matcher.group(1).toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
                quoted.add(word);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (sentiments.get(i) > 0 && quoted.contains(lower(tokens.get(i)))) {
                sentiments.set(i, sentiments.get(i) * IRONY_SCALAR);
            }
        }
    }

    private static boolean sarcasmTagged(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String tag : SARCASM_TAGS) {
            int at = lower.indexOf(tag);
            if (at >= 0 && (at + tag.length() == lower.length() || !Character.isLetter(lower.charAt(at + tag.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Terms of several words the lexicon knows ("on hold", "no funciona") become one token, longest first. */
    private static List<String> phrases(List<String> tokens, SentimentLexicon lexicon) {
        int longest = lexicon.longestPhrase();
        if (longest < 2 || tokens.size() < 2) {
            return tokens;
        }
        List<String> merged = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int taken = 1;
            for (int n = Math.min(longest, tokens.size() - i); n >= 2; n--) {
                StringBuilder phrase = new StringBuilder(lower(tokens.get(i)));
                for (int k = 1; k < n; k++) {
                    phrase.append(' ').append(lower(tokens.get(i + k)));
                }
                if (lexicon.isPhrase(phrase.toString())) {
                    taken = n;
                    break;
                }
            }
            merged.add(taken == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + taken)));
            i += taken;
        }
        return merged;
    }

    private static double valence(List<String> tokens, int i, boolean capDifferential, SentimentLexicon lexicon) {
        String item = tokens.get(i);
        String lower = lower(item);
        Double known = lexicon.valence(lower);
        if (known == null) {
            return 0;
        }
        double valence = known;
        // VADER's rules for English "no"; where "no" is the plain negator (es, it, pt) negation covers it
        boolean englishNo = lexicon.knows("no");
        if (englishNo && lower.equals("no") && i != tokens.size() - 1 && lexicon.knows(lower(tokens.get(i + 1)))) {
            // "no" negates the next word rather than counting for itself
            valence = 0;
        }
        if (englishNo && (i > 0 && lower(tokens.get(i - 1)).equals("no") || i > 1 && lower(tokens.get(i - 2)).equals("no")
                || i > 2 && lower(tokens.get(i - 3)).equals("no")
                        && Set.of("or", "nor").contains(lower(tokens.get(i - 1))))) {
            valence = known * N_SCALAR;
        }
        if (isUpper(item) && capDifferential) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        boolean negatedBefore = false;
        for (int start = 0; start < 3; start++) {
            if (i > start && !lexicon.knows(lower(tokens.get(i - (start + 1))))) {
                double scalar = scalarIncDec(tokens.get(i - (start + 1)), valence, capDifferential, lexicon);
                if (start == 1 && scalar != 0) {
                    scalar *= 0.95;
                }
                if (start == 2 && scalar != 0) {
                    scalar *= 0.9;
                }
                valence += scalar;
                double negated = negationCheck(valence, tokens, start, i, lexicon);
                negatedBefore |= negated != valence && Math.signum(negated) != Math.signum(valence);
                valence = negated;
                if (start == 2) {
                    valence = specialIdioms(valence, tokens, i);
                }
            }
        }
        if (!negatedBefore && negatedAfter(tokens, i, lexicon)) {
            valence *= N_SCALAR;
        }
        return leastCheck(valence, tokens, i, lexicon);
    }

    /** German and Dutch negate after the word too: "gefällt mir nicht", "werkt echt niet". */
    private static boolean negatedAfter(List<String> tokens, int i, SentimentLexicon lexicon) {
        for (int next = i + 1; next <= i + 2 && next < tokens.size(); next++) {
            String word = lower(tokens.get(next));
            if (lexicon.negatesAfter(word)) {
                return true;
            }
            if (lexicon.knows(word)) {
                return false;
            }
        }
        return false;
    }

    private static double scalarIncDec(String word, double valence, boolean capDifferential,
            SentimentLexicon lexicon) {
        Double booster = lexicon.booster(lower(word));
        if (booster == null) {
            return 0;
        }
        double scalar = valence < 0 ? -booster : booster;
        if (isUpper(word) && capDifferential) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static double negationCheck(double valence, List<String> tokens, int start, int i,
            SentimentLexicon lexicon) {
        String one = lower(tokens.get(i - 1));
        if (start == 0) {
            return lexicon.negates(one) ? valence * N_SCALAR : valence;
        }
        String two = lower(tokens.get(i - 2));
        if (start == 1) {
            if (two.equals("never") && (one.equals("so") || one.equals("this"))) {
                return valence * 1.25;
            }
            if (two.equals("without") && one.equals("doubt")) {
                return valence;
            }
            return lexicon.negates(two) ? valence * N_SCALAR : valence;
        }
        String three = lower(tokens.get(i - 3));
        // as the original: "so" or "this" just before the word boosts it, "never" or not
        if (three.equals("never") && (two.equals("so") || two.equals("this"))
                || one.equals("so") || one.equals("this")) {
            return valence * 1.25;
        }
        if (three.equals("without") && (two.equals("doubt") || one.equals("doubt"))) {
            return valence;
        }
        return lexicon.negates(three) ? valence * N_SCALAR : valence;
    }

    private static double specialIdioms(double valence, List<String> tokens, int i) {
        String zero = lower(tokens.get(i));
        String one = lower(tokens.get(i - 1));
        String two = lower(tokens.get(i - 2));
        String three = lower(tokens.get(i - 3));
        for (String sequence : List.of(one + " " + zero, two + " " + one + " " + zero, two + " " + one,
                three + " " + two + " " + one, three + " " + two)) {
            if (SPECIAL_CASES.containsKey(sequence)) {
                valence = SPECIAL_CASES.get(sequence);
                break;
            }
        }
        if (tokens.size() - 1 > i) {
            String zeroOne = zero + " " + lower(tokens.get(i + 1));
            if (SPECIAL_CASES.containsKey(zeroOne)) {
                valence = SPECIAL_CASES.get(zeroOne);
            }
        }
        if (tokens.size() - 1 > i + 1) {
            String zeroOneTwo = zero + " " + lower(tokens.get(i + 1)) + " " + lower(tokens.get(i + 2));
            if (SPECIAL_CASES.containsKey(zeroOneTwo)) {
                valence = SPECIAL_CASES.get(zeroOneTwo);
            }
        }
        for (String nGram : List.of(three + " " + two + " " + one, three + " " + two, two + " " + one)) {
            Double booster = BOOSTERS.get(nGram);
            if (booster != null) {
                valence += booster;
            }
        }
        return valence;
    }

    private static double leastCheck(double valence, List<String> tokens, int i, SentimentLexicon lexicon) {
        if (i > 1 && !lexicon.knows(lower(tokens.get(i - 1))) && lower(tokens.get(i - 1)).equals("least")) {
            String before = lower(tokens.get(i - 2));
            return before.equals("at") || before.equals("very") ? valence : valence * N_SCALAR;
        }
        if (i > 0 && !lexicon.knows(lower(tokens.get(i - 1))) && lower(tokens.get(i - 1)).equals("least")) {
            return valence * N_SCALAR;
        }
        return valence;
    }

    /** What follows "but" weighs more than what precedes it. */
    private static void butCheck(List<String> tokens, List<Double> sentiments, SentimentLexicon lexicon) {
        int but = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.contrasts(lower(tokens.get(i)))) {
                but = i;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.size(); i++) {
            if (i < but) {
                sentiments.set(i, sentiments.get(i) * 0.5);
            } else if (i > but) {
                sentiments.set(i, sentiments.get(i) * 1.5);
            }
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96;
        return exclamations * 0.292 + questionEmphasis;
    }

    private static String emojisAsWords(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean previousSpace = true;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            String emoji = new String(Character.toChars(codePoint));
            // an emoji with its variation selector (U+FE0F) counts as the emoji
            if (i + length < text.length() && text.charAt(i + length) == '\uFE0F') {
                length++;
            }
            String word = EMOJIS.get(emoji);
            if (word != null) {
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(EMOJI).append(word).append(' ');
                previousSpace = true;
            } else if (length == Character.charCount(codePoint)) {
                out.append(emoji);
                previousSpace = Character.isWhitespace(codePoint);
            } else {
                out.append(text, i, i + length);
                previousSpace = false;
            }
            i += length;
        }
        return out.toString().strip();
    }

    /**
     * Words split on white space; punctuation is stripped from a word's ends unless that leaves 2 characters or fewer
     * (an emoticon such as ":)" stays whole).
     */
    private static List<String> tokens(String text, boolean sentences) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            // a handle or a link names, it does not feel: "@united", "@Delta"
            if (token.isEmpty() || token.charAt(0) == '@' || token.startsWith("http")) {
                continue;
            }
            String stripped = stripPunctuation(token);
            tokens.add(stripped.length() <= 2 ? token : stripped);
            if (sentences && stripped.length() > 2 && SENTENCE_ENDS.indexOf(token.charAt(token.length() - 1)) >= 0) {
                // a negation does not reach into the next sentence: "sin avisar. Fatal"
                tokens.add(SENTENCE_END);
            }
        }
        return tokens;
    }

    private static String stripPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    /** Some words, but not all, in ALL CAPS: then capitals are emphasis. */
    private static boolean capDifferential(List<String> tokens) {
        long upper = tokens.stream().filter(SentimentScorer::isUpper).count();
        long words = tokens.stream().filter(token -> !token.equals(SENTENCE_END)).count();
        return upper > 0 && upper < words;
    }

    /** As Python's {@code str.isupper}: at least one cased letter, and every cased letter upper case. */
    private static boolean isUpper(String word) {
        boolean cased = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                cased = true;
            }
        }
        return cased;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new HashMap<>();
        for (String word : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
                "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
                "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
                "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
                "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
                "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
                "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
                "utter", "utterly", "very")) {
            boosters.put(word, B_INCR);
        }
        for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof",
                "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
                "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            boosters.put(word, B_DECR);
        }
        return Map.copyOf(boosters);
    }

    /** Emoticons, and the English words posts in every language borrow. */
    private static Map<String, Double> shared(Map<String, Double> vader) {
        Map<String, Double> shared = new HashMap<>();
        vader.forEach((word, valence) -> {
            if (word.length() <= 4 && word.chars().anyMatch(c -> PUNCTUATION.indexOf(c) >= 0)) {
                shared.put(word, valence);
            }
        });
        for (String word : List.of("lol", "lmao", "haha", "hahaha", "wow", "wtf", "fail", "love", "thanks", "thx",
                "crap", "sucks", "shit", "fuck", "cool", "omg")) {
            Double valence = vader.get(word);
            if (valence != null) {
                shared.put(word, valence);
            }
        }
        shared.put("ok", 0.4);
        shared.put("top", 1.8);
        return shared;
    }

    private static Map<String, Double> loadLexicon() {
        Map<String, Double> lexicon = new HashMap<>();
        try (InputStream in = SentimentScorer.class.getResourceAsStream("vader_lexicon.txt")) {
            if (in == null) {
                throw new IllegalStateException("vader_lexicon.txt is missing from the core's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t");
                if (columns.length >= 2 && !columns[0].isEmpty()) {
                    lexicon.put(columns[0].toLowerCase(Locale.ROOT), Double.parseDouble(columns[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lexicon;
    }
}
