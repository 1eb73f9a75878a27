package io.rapport.core.social;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a post wants, by rules over its words (English, Spanish, German, French, Portuguese, Swedish) and its
 * sentiment: {@code spam} first (a promotion is no customer's voice), then {@code complaint} (a problem wants a fix
 * before anything else, even asked as a question), {@code purchase_intent}, {@code question}, {@code praise}, else
 * {@code other}. A first version: its phrases are to be measured and grown against labelled posts
 * (docs/performance.md), not trusted.
 */
public final class IntentClassifier {

    public static final String PURCHASE_INTENT = "purchase_intent";
    public static final String COMPLAINT = "complaint";
    public static final String QUESTION = "question";
    public static final String PRAISE = "praise";
    public static final String SPAM = "spam";
    public static final String OTHER = "other";

    private static final List<String> SPAM_PHRASES = List.of("giveaway", "free followers", "follow back",
            "follow for follow", "f4f", "check my profile", "check out my", "dm for promo", "dm me for", "click here",
            "click the link", "link in bio", "earn money", "make money", "work from home", "crypto", "bitcoin", "nft",
            "airdrop", "promo code", "discount code", "100% free", "limited offer", "sign up now", "onlyfans");

    private static final List<String> COMPLAINT_PHRASES = List.of(
            // en
            "not working", "doesn't work", "doesnt work", "does not work", "stopped working", "broken", "broke",
            "refund", "money back", "never arrived", "never received", "hasn't arrived", "still waiting", "still no",
            "waiting for", "no response", "no reply", "nobody answers", "worst", "terrible", "horrible", "awful",
            "useless", "scam", "ripped off", "rip off", "charged twice", "overcharged", "cancel my", "cancelled my",
            "damaged", "wrong item", "wrong order", "missing", "delayed", "late again", "fix this", "fix it",
            "unacceptable", "disappointed", "disappointing", "fed up", "sort this out", "customer service",
            "complaint", "crashes", "crashed", "error", "bug", "outage", "down again", "lost my",
            // es
            "no funciona", "reembolso", "pésimo", "pesimo", "nunca llegó", "nunca llego", "queja", "estafa",
            "sigo esperando", "roto",
            // de
            "funktioniert nicht", "kaputt", "rückerstattung", "erstattung", "beschwerde", "schlechter service",
            "warte immer noch", "betrug", "frechheit",
            // fr
            "ne marche pas", "ne fonctionne pas", "remboursement", "arnaque", "toujours pas reçu", "inadmissible",
            "plainte", "en panne",
            // pt
            "não funciona", "nao funciona", "péssimo", "reclamação", "reclamacao", "nunca chegou", "golpe",
            // sv
            "fungerar inte", "trasig", "återbetalning", "klagomål", "väntar fortfarande", "bedrägeri");

    private static final List<String> PURCHASE_PHRASES = List.of(
            // en
            "want to buy", "wanna buy", "going to buy", "gonna buy", "planning to buy", "thinking of buying",
            "thinking about buying", "should i buy", "where can i buy", "where to buy", "where do i buy",
            "looking to buy", "looking for a", "looking for an", "in the market for", "need a new", "want a new",
            "how much is", "how much does", "how much for", "price of", "pricing", "quote for", "can i order",
            "take my money", "shut up and take", "recommend a", "any recommendations", "saving up for",
            "pre-order", "preorder",
            // es
            "quiero comprar", "dónde comprar", "donde comprar", "dónde puedo comprar", "cuánto cuesta",
            "cuanto cuesta", "busco un", "busco una",
            // de
            "will kaufen", "möchte kaufen", "wo kann ich", "wo kaufe ich", "was kostet", "suche ein", "suche eine",
            // fr
            "veux acheter", "voudrais acheter", "où acheter", "ou acheter", "combien coûte", "combien coute",
            "je cherche un", "je cherche une",
            // pt
            "quero comprar", "onde comprar", "quanto custa", "procuro um", "procuro uma",
            // sv
            "vill köpa", "var kan jag köpa", "vad kostar", "letar efter");

    private static final List<String> PRAISE_PHRASES = List.of("love", "thank you", "thanks", "great job",
            "well done", "amazing", "awesome", "best", "kudos", "shoutout", "shout out", "impressed", "recommend",
            "gracias", "me encanta", "danke", "super", "merci", "génial", "obrigado", "obrigada", "adoro", "tack",
            "älskar");

    private static final Pattern QUESTION_START = Pattern.compile("^(how|what|when|where|why|who|which|can|could"
            + "|does|do|is|are|will|would|should|anyone|cómo|como|qué|que|cuándo|cuando|dónde|donde|por qué|wie|was"
            + "|wann|wo|warum|gibt es|comment|quoi|quand|où|pourquoi|est-ce|quanto|quando|onde|hur|vad|när|var"
            + "|varför)\\b");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final int SPAM_HASHTAGS = 6;

    /**
     * @param sentiment the post's sentiment score, -1..1 ({@link SentimentScorer})
     * @param hashtags  how many hashtags it carries
     */
    public String classify(String text, double sentiment, int hashtags) {
        String words = words(text);
        boolean links = LINK.matcher(text).find();
        if (hashtags >= SPAM_HASHTAGS || containsAny(words, SPAM_PHRASES) && (links || hashtags >= 2
                || sentiment >= 0)) {
            return SPAM;
        }
        if (containsAny(words, COMPLAINT_PHRASES) && sentiment < 0.5 || sentiment <= -0.5) {
            return COMPLAINT;
        }
        if (containsAny(words, PURCHASE_PHRASES)) {
            return PURCHASE_INTENT;
        }
        if (text.contains("?") || text.contains("¿") || QUESTION_START.matcher(words).find()) {
            return QUESTION;
        }
        if (sentiment >= 0.5 || sentiment > 0 && containsAny(words, PRAISE_PHRASES)) {
            return PRAISE;
        }
        return OTHER;
    }

    /** Lower case without links and handles; accents kept, in one Unicode form, since the phrases carry them. */
    private static String words(String text) {
        String plain = HANDLE.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
        return Normalizer.normalize(plain, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .strip();
    }

    private static boolean containsAny(String words, List<String> phrases) {
        for (String phrase : phrases) {
            int at = words.indexOf(phrase);
            while (at >= 0) {
                boolean starts = at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1));
                int end = at + phrase.length();
                boolean ends = end == words.length() || !Character.isLetterOrDigit(words.charAt(end));
                if (starts && ends) {
                    return true;
                }
                at = words.indexOf(phrase, at + 1);
            }
        }
        return false;
    }
}
