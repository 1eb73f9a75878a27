package io.rapport.core.social;

import io.rapport.core.social.SentimentScorer.Sentiment;
import java.util.Locale;
import java.util.Set;

/**
 * The Content Enricher for what a post says: its language, sentiment and intent, from the text alone. What depends on
 * the network (influence, conversation degree) is worked out elsewhere. Thread-safe; build one and share it.
 */
public final class TextEnricher {

    /** What the words of one post tell: a BCP 47 language ({@code und} when unknown), sentiment and intent. */
    public record TextEnrichment(String language, Sentiment sentiment, String intent) {
    }

    public static final String UNDETERMINED = "und";

    /** X's codes for "no linguistic content", "media only", "hashtags only" and the like: no language at all. */
    private static final Set<String> NOT_A_LANGUAGE = Set.of(UNDETERMINED, "zxx", "qme", "qht", "qam", "qst", "qct",
            "art", "mis", "mul");

    /** Below this, the sentiment of a post that neither complains nor praises is too faint to call. */
    private static final double WEAK_AFFECT = 0.2;
    /**
     * Below this, a question or an enquiry is neutral: its evaluative words mostly describe what is asked for ("do
     * you have a good family plan?", "is the club open?"), not the author's attitude. One clear praise word (about
     * 0.44) is not enough; "love you guys! when do the fares come out?" is.
     */
    private static final double WEAK_AFFECT_ASKING = 0.45;

    private final LanguageDetector languages = new LanguageDetector();
    private final SentimentScorer sentiment = new SentimentScorer();
    private final IntentClassifier intent = new IntentClassifier();

    /**
     * @param declaredLanguage the language the network reported for the post, or null
     * @param hashtags         how many hashtags the post carries
     */
    public TextEnrichment analyze(String text, String declaredLanguage, int hashtags) {
        String language = language(text, declaredLanguage);
        Sentiment scored = sentiment.score(text, language);
        String wants = intent.classify(text, scored.score(), hashtags);
        return new TextEnrichment(language, weakAffectIsNeutral(complaintsAreNegative(scored, wants), wants), wants);
    }

    /**
     * A question, an enquiry or a remark whose words lean only slightly ("can I pay for checked bags?", "ok I will
     * try that") is neutral: VADER's own threshold (0.05) is meant for texts that set out to judge something.
     */
    private static Sentiment weakAffectIsNeutral(Sentiment scored, String wants) {
        boolean judging = wants.equals(IntentClassifier.COMPLAINT) || wants.equals(IntentClassifier.PRAISE);
        boolean asking = wants.equals(IntentClassifier.QUESTION) || wants.equals(IntentClassifier.PURCHASE_INTENT);
        double weak = asking && scored.score() > 0 ? WEAK_AFFECT_ASKING : WEAK_AFFECT;
        if (!judging && Math.abs(scored.score()) < weak && !scored.label().equals(Sentiment.NEUTRAL)) {
            return new Sentiment(Sentiment.NEUTRAL, scored.score());
        }
        return scored;
    }

    /**
     * A complaint is a negative post, even one stated flatly ("my bag came out soaking wet"): annotators of service
     * posts label it so, and a CRM should not file it as neutral.
     */
    private static Sentiment complaintsAreNegative(Sentiment scored, String wants) {
        if (wants.equals(IntentClassifier.COMPLAINT) && !scored.label().equals(Sentiment.NEGATIVE)) {
            return new Sentiment(Sentiment.NEGATIVE, Math.min(scored.score(), -SentimentScorer.THRESHOLD));
        }
        return scored;
    }

    /**
     * The network's own language when it names one: X's classifier sees the same words, was trained on far more
     * posts than any rule list and knows the author's history. Ours decides when the network did not say, or said
     * {@code und}, {@code zxx} or one of its {@code q..} codes. X's legacy codes are brought to today's.
     */
    private String language(String text, String declared) {
        if (declared != null && !declared.isBlank()) {
            String code = declared.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            code = switch (code) {
                case "in" -> "id";
                case "iw" -> "he";
                case "ji" -> "yi";
                default -> code;
            };
            if (!NOT_A_LANGUAGE.contains(code)) {
                return code;
            }
        }
        return languages.detect(text);
    }
}
