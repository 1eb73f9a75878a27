package io.rapport.core.social;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a post wants, by rules over its words (English, Spanish, German, French, Portuguese, Italian, Dutch, Swedish)
 * and its sentiment: {@code spam} first (a promotion is no customer's voice), then {@code complaint} (a problem wants
 * a fix before anything else, even asked as a question), {@code purchase_intent}, {@code question}, {@code praise},
 * else {@code other}. A complaint is a negative post addressed to or about a brand (a handle), or any post that
 * reports a problem in so many words ("not working", "where is my", "45 min on hold") unless it is clearly glad;
 * praise is a positive post to a brand, or one that thanks or recommends. Measured on labelled posts
 * (docs/performance.md); grow the phrase lists against the DEV set only. Thread-safe.
 */
public final class IntentClassifier {

    public static final String PURCHASE_INTENT = "purchase_intent";
    public static final String COMPLAINT = "complaint";
    public static final String QUESTION = "question";
    public static final String PRAISE = "praise";
    public static final String SPAM = "spam";
    public static final String OTHER = "other";

    private static final List<String> SPAM_PHRASES = List.of("giveaway", "free followers", "followers",
            "follow back", "follow for follow", "f4f", "followback", "follow + rt", "rt + follow", "follow and rt",
            "rt and follow", "rt to win", "to enter", "check my profile", "check out my profile", "dm for promo",
            "dm for details", "dm me for", "dm us for", "click here", "click the link", "link in bio", "link na bio",
            "lien en bio", "earn money", "make money", "work from home", "from home", "crypto", "bitcoin", "nft",
            "airdrop", "presale", "whitelist", "100x", "signals", "promo code", "discount code", "100% free",
            "limited offer", "sign up now", "onlyfans", "claim here", "claim your", "you've been selected",
            "congratulations!", "shop now", "% off", "gift card", "we help brands", "marketing agency", "sorteo",
            "concours", "gana dinero", "ganhe", "verdiene", "gagnez", "seguidores grátis", "#ad");

    private static final List<String> COMPLAINT_PHRASES = List.of(
            // en
            "not working", "doesn't work", "doesnt work", "does not work", "stopped working", "won't work",
            "isn't working", "broken", "broke", "never arrived", "never received", "never came", "never showed",
            "hasn't arrived", "still waiting", "still no", "still not", "still hasn't", "waiting for", "no response",
            "no reply", "no answer", "nobody answers", "worst", "terrible", "horrible", "awful", "useless", "scam",
            "ripped off", "rip off", "charged twice", "charged me", "overcharged", "double charged", "cancel my",
            "cancelled my", "damaged", "wrong item", "wrong order", "missing", "delayed", "late again", "fix this",
            "fix it", "unacceptable", "disappointed", "disappointing", "fed up", "sort this out", "complaint",
            "crashes", "crashed", "crashing", "outage", "down again", "lost my", "where is my", "where's my",
            "what happened to my", "on hold", "hung up", "my refund", "a refund", "want my money", "no signal",
            "no service", "no internet", "keeps", "won't let me", "can't log in", "again", "why is", "why are",
            "why does", "why do", "why did", "why can't", "why won't", "why was", "why has", "why have",
            "how is it", "how come", "when will you", "cancelled", "canceled",
            // es
            "no funciona", "reembolso", "pésimo", "pesimo", "nunca llegó", "nunca llego", "no ha llegado", "queja",
            "estafa", "sigo esperando", "roto", "rota", "retraso", "cancelado", "cancelada", "perdisteis",
            "nadie responde", "nadie contesta", "sin respuesta", "me habéis cobrado", "me han cobrado", "vergüenza",
            // de
            "funktioniert nicht", "kaputt", "rückerstattung", "erstattung", "beschwerde", "schlechter service",
            "warte immer noch", "betrug", "frechheit", "verspätung", "ausgefallen", "fällt", "gestrichen",
            "keine antwort", "warteschleife", "störung",
            // fr
            "ne marche pas", "ne fonctionne pas", "ne fonctionne plus", "remboursement", "arnaque",
            "toujours pas", "inadmissible", "plainte", "en panne", "retard", "annulé", "annulée", "supprimé",
            "perdu", "aucune nouvelle", "aucune réponse",
            // pt
            "não funciona", "nao funciona", "péssimo", "reclamação", "reclamacao", "nunca chegou", "golpe",
            "não chegou", "cobrança indevida", "cancelado", "atrasado", "sem sinal", "sem internet",
            // it
            "non funziona", "rimborso", "in ritardo", "ritardo", "cancellato", "soppresso", "nessuna risposta",
            "mai arrivato", "guasto", "danneggiato",
            // nl
            "werkt niet", "storing", "vertraging", "geannuleerd", "uitgevallen", "kwijt", "geen antwoord",
            "nooit aangekomen", "geld terug",
            // sv
            "fungerar inte", "trasig", "återbetalning", "klagomål", "väntar fortfarande", "bedrägeri", "försenat",
            "inställt", "inställd", "försvunnet", "inte kommit");

    private static final List<String> PURCHASE_PHRASES = List.of(
            // en
            "want to buy", "wanna buy", "going to buy", "gonna buy", "planning to buy", "thinking of buying",
            "thinking about buying", "thinking about switching", "thinking about getting", "should i buy",
            "should i get", "where can i buy", "where can i get", "where to buy", "where do i buy", "looking to buy",
            "in the market for", "need a new", "want a new", "want to get", "want to switch", "how much",
            "price of", "price for", "the price", "pricing", "quote for", "can i order", "take my money",
            "shut up and take", "any recommendations", "saving up for", "pre-order", "preorder", "in stock",
            "back in stock", "restock", "restocking", "available", "availability", "do you ship", "do you deliver",
            "price match", "any deals", "best deal", "deals on", "deal on", "the deal", "discount", "on sale",
            "go on sale", "worth it", "need it", "membership", "sign up for", "add a line", "new line",
            // es
            "quiero comprar", "dónde comprar", "donde comprar", "dónde puedo comprar", "cuánto cuesta",
            "cuanto cuesta", "precio", "tenéis", "en stock", "disponible", "oferta", "descuento",
            // de
            "will kaufen", "möchte kaufen", "wo kann ich kaufen", "wo kaufe ich", "was kostet", "preis",
            "vorrätig", "auf lager", "verfügbar", "lieferbar", "tarif",
            // fr
            "veux acheter", "voudrais acheter", "où acheter", "ou acheter", "combien coûte", "combien coute",
            "combien ça coûte", "prix", "disponible", "en stock", "en magasin",
            // pt
            "quero comprar", "onde comprar", "quanto custa", "quanto está", "quanto sai", "preço", "disponível",
            "em estoque", "promoção", "têm",
            // it
            "quanto costa", "quanto costano", "prezzo", "disponibile", "disponibili", "avete", "offerta",
            // nl
            "wat kost", "wat kosten", "prijs", "op voorraad", "beschikbaar", "hebben jullie",
            // sv
            "vill köpa", "var kan jag köpa", "vad kostar", "pris", "i lager", "finns", "tillgänglig");

    private static final List<String> PRAISE_PHRASES = List.of("love", "thank you", "thanks", "thank", "great job",
            "well done", "amazing", "awesome", "best", "kudos", "shoutout", "shout out", "impressed", "recommend",
            "worth", "gracias", "me encanta", "danke", "super", "merci", "génial", "obrigado", "obrigada", "adoro",
            "tack", "älskar", "grazie", "bedankt", "dank je", "complimenti", "parabéns", "bravo");

    /** Thanks in any of the languages: with a positive score (irony already scored down), the thanks are meant. */
    private static final List<String> THANKS = List.of("thank you", "thanks", "thank", "thx", "ty", "appreciate",
            "appreciated", "gracias", "danke", "merci", "obrigado", "obrigada", "grazie", "bedankt", "tack");

    /**
     * A question without its question mark: a question word first, or (English) an auxiliary before its subject
     * ("can I ...", "is there ..."); "would fly again", "can't wait", "will do" are statements.
     */
    private static final Pattern QUESTION_START = Pattern.compile("^(how|what|when|where|why|who|which|anyone"
            + "|(?:can|could|does|do|is|are|will|would|should) (?:i|you|u|we|they|it|there|he|she|this|that|these"
            + "|those|the|my|your|y'all|anyone|someone|somebody|any)|cómo|como|qué|que|cuándo|cuando|dónde|donde|por qué|wie|was"
            + "|wann|wo|warum|gibt es|comment|quoi|quand|où|pourquoi|est-ce|quanto|quando|onde|hur|vad|när|var"
            + "|varför|waarom|wanneer|hoe|wat|perché|dove|come)\\b");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final int SPAM_HASHTAGS = 6;
    /** Below this a post addressed to a brand is a complaint. */
    private static final double NEGATIVE = -0.05;
    private static final double NEGATIVE_QUESTION = -0.3;
    /** A post that names a problem is a complaint unless it is at least this glad ("fixed my delayed flight!"). */
    private static final double GLAD = 0.5;
    private static final double POSITIVE = 0.05;

    /**
     * @param sentiment the post's sentiment score, -1..1 ({@link SentimentScorer})
     * @param hashtags  how many hashtags it carries
     */
    public String classify(String text, double sentiment, int hashtags) {
        String words = words(text);
        boolean links = LINK.matcher(text).find();
        boolean addressed = HANDLE.matcher(text).find();
        if (hashtags >= SPAM_HASHTAGS || containsAny(words, SPAM_PHRASES) && (links || hashtags >= 2
                || sentiment >= 0)) {
            return SPAM;
        }
        boolean problem = containsAny(ServiceCues.withoutLoyalAgain(words), COMPLAINT_PHRASES)
                || ServiceCues.waitedOrRepeated(words);
        boolean asks = text.contains("?") || text.contains("¿");
        // a question to a brand leans slightly negative on words like "fee" or "cancel" without complaining
        double negative = asks && !problem ? NEGATIVE_QUESTION : NEGATIVE;
        // "thanks for rebooking me after the cancellation": a problem named, solved and thanked for is no complaint
        boolean thanks = sentiment >= POSITIVE && containsAny(words, THANKS);
        if (sentiment <= negative && (addressed || problem) || problem && sentiment < GLAD && !thanks) {
            return COMPLAINT;
        }
        if (containsAny(words, PURCHASE_PHRASES)) {
            return PURCHASE_INTENT;
        }
        if (asks || QUESTION_START.matcher(words).find()) {
            return QUESTION;
        }
        if (sentiment >= POSITIVE && (addressed || containsAny(words, PRAISE_PHRASES))) {
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
