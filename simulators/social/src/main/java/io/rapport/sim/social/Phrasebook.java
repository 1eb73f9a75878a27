package io.rapport.sim.social;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What people write about a brand, by language and kind, the way they write it on X: slang, emojis, emoticons,
 * shouting in capitals, hashtags. Placeholders: {@code {brand}} (the handle, the name or the hashtag),
 * {@code {product}}, {@code {link}}. The phrases carry their kind; the styling never changes it.
 */
final class Phrasebook {

    static final Set<String> LANGUAGES = Set.of("en", "es", "de", "fr", "pt", "sv");

    private static final Map<String, Map<Kind, List<String>>> ORIGINALS = Map.of(
            "en", Map.of(
                    Kind.PRAISE, List.of(
                            "Just got my {product} and I'm obsessed 😍 thank you {brand}!",
                            "ngl {brand} customer service is the best I've dealt with all year 🙌",
                            "{product} is sooo good, worth every penny ❤️",
                            "shoutout to {brand} for fixing my order in 10 minutes. legends 🔥",
                            "been using {product} for a month now and it just works. love it :)",
                            "{brand} you absolute heroes, delivery came a day early 🎉",
                            "10/10 would buy {product} again tbh 💯"),
                    Kind.COMPLAINT, List.of(
                            "{brand} my order is 2 weeks late and nobody answers. unacceptable 😡",
                            "the {product} stopped working after 3 days. thanks for nothing {brand} :(",
                            "been on hold with {brand} for an hour smh 🙄",
                            "worst update ever, {product} crashes every time I open it 😤",
                            "{brand} charged me twice and support keeps closing my ticket. done with you",
                            "why is {product} STILL broken?? fix it {brand} 👎",
                            "never ordering from {brand} again. package arrived smashed 💔"),
                    Kind.PURCHASE_INTENT, List.of(
                            "thinking about getting the {product}, anyone tried it? {brand}",
                            "ok I'm buying the {product} this weekend, convince me otherwise 🛒",
                            "does {brand} ship to Canada? want to order a {product} asap",
                            "need a new one, {product} or the competition? leaning towards {brand} 👀",
                            "saving up for the {product}, payday can't come soon enough 💸"),
                    Kind.QUESTION, List.of(
                            "{brand} how do I reset my {product}? manual is useless",
                            "hey {brand}, when does the summer sale start?",
                            "does the {product} work with older models? {brand}",
                            "anyone know if {brand} stores are open on sundays?",
                            "{brand} is there a student discount on the {product}? 🤔"),
                    Kind.SPAM, List.of(
                            "🔥 FREE {product} GIVEAWAY 🔥 click {link} before it's gone!!! #giveaway #free",
                            "earn $500/day from home like me 💰💰 {link} {brand}",
                            "{brand} gift cards 90% OFF only today 👉 {link} #deal #sale",
                            "follow + RT to WIN a {product}!!! dm me 😘 {link}"),
                    Kind.CHATTER, List.of(
                            "saw a {brand} billboard on the way to work today",
                            "my cat is sleeping on the {product} box again lol",
                            "anyway that's enough internet for today. {brand} ad #17 of the day",
                            "walked past the new {brand} store, huge queue outside",
                            "that {brand} commercial song is stuck in my head now 🎵")),
            "es", Map.of(
                    Kind.PRAISE, List.of("¡Me encanta mi {product}! Gracias {brand} 😍",
                            "{brand} el mejor servicio al cliente, de verdad 🙌",
                            "el {product} es una pasada, lo recomiendo 100% ❤️"),
                    Kind.COMPLAINT, List.of("{brand} mi pedido lleva 2 semanas de retraso y nadie responde 😡",
                            "el {product} dejó de funcionar al tercer día. qué vergüenza {brand} :(",
                            "nunca más compro en {brand}, pésimo servicio 👎"),
                    Kind.PURCHASE_INTENT, List.of("estoy pensando en comprar el {product}, ¿alguien lo tiene? {brand}",
                            "este finde me compro el {product} sí o sí 🛒"),
                    Kind.QUESTION, List.of("{brand} ¿cómo reinicio el {product}?",
                            "¿{brand} hace envíos a México? 🤔"),
                    Kind.SPAM, List.of("🔥 SORTEO {product} GRATIS 🔥 entra en {link} #sorteo #gratis",
                            "gana 500€ al día desde casa 💰 {link} {brand}"),
                    Kind.CHATTER, List.of("hoy vi un anuncio de {brand} en el metro",
                            "mi gato duerme en la caja del {product} jajaja")),
            "de", Map.of(
                    Kind.PRAISE, List.of("Mein {product} ist endlich da und ich liebe es 😍 danke {brand}!",
                            "{brand} hat mein Problem in 5 Minuten gelöst. Top Service 👍",
                            "{product} ist echt der Hammer ❤️"),
                    Kind.COMPLAINT, List.of("{brand} meine Bestellung ist seit 2 Wochen überfällig 😡",
                            "{product} schon wieder kaputt. Danke für nichts {brand} :(",
                            "Seit einer Stunde in der Warteschleife bei {brand} 🙄"),
                    Kind.PURCHASE_INTENT, List.of("Überlege, mir das {product} zu holen. Erfahrungen? {brand}",
                            "Am Wochenende wird das {product} gekauft 🛒"),
                    Kind.QUESTION, List.of("{brand} wie setze ich das {product} zurück?",
                            "Liefert {brand} auch nach Österreich? 🤔"),
                    Kind.SPAM, List.of("🔥 GRATIS {product} GEWINNSPIEL 🔥 jetzt klicken {link} #gewinnspiel",
                            "500€ am Tag von zu Hause 💰 {link} {brand}"),
                    Kind.CHATTER, List.of("Heute überall {brand} Werbung gesehen",
                            "Die Katze schläft schon wieder im {product} Karton haha")),
            "fr", Map.of(
                    Kind.PRAISE, List.of("J'adore mon nouveau {product} 😍 merci {brand} !",
                            "{brand} service client au top, problème réglé en 5 min 👏",
                            "le {product} est vraiment génial ❤️"),
                    Kind.COMPLAINT, List.of("{brand} ma commande a 2 semaines de retard et personne ne répond 😡",
                            "le {product} ne marche plus après 3 jours. merci pour rien {brand} :(",
                            "une heure d'attente au téléphone avec {brand}, c'est n'importe quoi 🙄"),
                    Kind.PURCHASE_INTENT, List.of("je pense acheter le {product}, des avis ? {brand}",
                            "ce week-end je craque pour le {product} 🛒"),
                    Kind.QUESTION, List.of("{brand} comment réinitialiser le {product} ?",
                            "est-ce que {brand} livre en Belgique ? 🤔"),
                    Kind.SPAM, List.of("🔥 CONCOURS {product} GRATUIT 🔥 clique ici {link} #concours",
                            "gagne 500€ par jour depuis chez toi 💰 {link} {brand}"),
                    Kind.CHATTER, List.of("vu une pub {brand} dans le métro ce matin",
                            "mon chat dort dans le carton du {product} mdr")),
            "pt", Map.of(
                    Kind.PRAISE, List.of("Amei meu {product}! Obrigada {brand} 😍",
                            "{brand} atendimento nota 10, resolveram tudo rapidinho 🙌",
                            "o {product} é muito bom, recomendo demais ❤️"),
                    Kind.COMPLAINT, List.of("{brand} meu pedido está 2 semanas atrasado e ninguém responde 😡",
                            "o {product} parou de funcionar em 3 dias. que vergonha {brand} :(",
                            "nunca mais compro na {brand}, atendimento péssimo 👎"),
                    Kind.PURCHASE_INTENT, List.of("pensando em comprar o {product}, alguém tem? {brand}",
                            "esse fim de semana compro o {product} 🛒"),
                    Kind.QUESTION, List.of("{brand} como reseto o {product}?",
                            "a {brand} entrega em Portugal? 🤔"),
                    Kind.SPAM, List.of("🔥 SORTEIO {product} GRÁTIS 🔥 acesse {link} #sorteio",
                            "ganhe R$500 por dia em casa 💰 {link} {brand}"),
                    Kind.CHATTER, List.of("vi um outdoor da {brand} hoje no caminho do trabalho",
                            "meu gato dormindo na caixa do {product} kkkkk")),
            "sv", Map.of(
                    Kind.PRAISE, List.of("Älskar min nya {product} 😍 tack {brand}!",
                            "{brand} har bästa kundservicen, fixat på 5 min 👍",
                            "{product} är helt grym ❤️"),
                    Kind.COMPLAINT, List.of("{brand} min beställning är två veckor sen och ingen svarar 😡",
                            "{product} slutade fungera efter tre dagar. tack för ingenting {brand} :(",
                            "suttit i telefonkö hos {brand} i en timme 🙄"),
                    Kind.PURCHASE_INTENT, List.of("funderar på att köpa {product}, någon som har den? {brand}",
                            "i helgen blir det en {product} 🛒"),
                    Kind.QUESTION, List.of("{brand} hur återställer jag {product}?",
                            "levererar {brand} till Finland? 🤔"),
                    Kind.SPAM, List.of("🔥 GRATIS {product} TÄVLING 🔥 klicka {link} #tävling",
                            "tjäna 5000 kr om dagen hemifrån 💰 {link} {brand}"),
                    Kind.CHATTER, List.of("såg en {brand} reklam på tunnelbanan idag",
                            "katten sover i {product} kartongen igen haha")));

    /** Replies and quote comments that agree with a happy post, an unhappy one, or just chat, by language. */
    private static final Map<String, Map<Sentiment, List<String>>> RESPONSES = Map.of(
            "en", Map.of(Sentiment.POSITIVE, List.of("same!! love mine too 😍", "agreed, best purchase this year 🙌",
                            "this 👆 so true"),
                    Sentiment.NEGATIVE, List.of("same here, still waiting 😡", "happened to me too. awful :(",
                            "yep, {brand} ignoring everyone today 👎"),
                    Sentiment.NEUTRAL, List.of("try holding the button for 10 sec, worked for me",
                            "I think it's on their website somewhere", "lol what")),
            "es", Map.of(Sentiment.POSITIVE, List.of("¡igual! me encanta 😍"),
                    Sentiment.NEGATIVE, List.of("a mí me pasó lo mismo 😡"),
                    Sentiment.NEUTRAL, List.of("creo que está en su web")),
            "de", Map.of(Sentiment.POSITIVE, List.of("Geht mir genauso, super Teil 😍"),
                    Sentiment.NEGATIVE, List.of("Bei mir genau das gleiche 😡"),
                    Sentiment.NEUTRAL, List.of("Steht glaube ich auf deren Webseite")),
            "fr", Map.of(Sentiment.POSITIVE, List.of("pareil, je l'adore 😍"),
                    Sentiment.NEGATIVE, List.of("pareil pour moi, toujours rien 😡"),
                    Sentiment.NEUTRAL, List.of("je crois que c'est sur leur site")),
            "pt", Map.of(Sentiment.POSITIVE, List.of("também amei 😍"),
                    Sentiment.NEGATIVE, List.of("aconteceu comigo também 😡"),
                    Sentiment.NEUTRAL, List.of("acho que tem no site deles")),
            "sv", Map.of(Sentiment.POSITIVE, List.of("samma här, älskar den 😍"),
                    Sentiment.NEGATIVE, List.of("samma problem här 😡"),
                    Sentiment.NEUTRAL, List.of("tror det står på deras hemsida")));

    /** The brand's customer service answering a complaint or a question, by language. */
    private static final Map<String, String> BRAND_ANSWERS = Map.of(
            "en", "Hi! So sorry about that. Please send us a DM with your order number and we'll sort it out 💙",
            "es", "¡Hola! Lo sentimos mucho. Escríbenos por DM con tu número de pedido y lo solucionamos 💙",
            "de", "Hallo! Das tut uns leid. Schreib uns bitte per DM deine Bestellnummer, wir kümmern uns 💙",
            "fr", "Bonjour ! Désolés pour ça. Envoie-nous ton numéro de commande en DM et on s'en occupe 💙",
            "pt", "Oi! Sentimos muito. Manda seu número do pedido por DM que a gente resolve 💙",
            "sv", "Hej! Vad tråkigt. Skicka ditt ordernummer i DM så löser vi det 💙");

    private static final List<String> HAPPY_EMOTICONS = List.of(":)", ":D", ";)", ":-)", "xD");
    private static final List<String> SAD_EMOTICONS = List.of(":(", ":/", ":'(", "D:");
    private static final List<String> PRODUCTS = List.of("{Brand} One", "{Brand} Go", "{Brand} Pro", "{Brand} app",
            "{Brand} Mini");
    private static final List<String> LINK_HOSTS = List.of("bit.ly", "t.co", "tinyurl.com");

    private final String brand;

    Phrasebook(String brand) {
        this.brand = brand;
    }

    /** An original post of this kind in this language, styled like a real one. */
    String original(Kind kind, String lang, Random random) {
        List<String> phrases = ORIGINALS.get(lang).get(kind);
        return style(fill(phrases.get(random.nextInt(phrases.size())), random), kind.sentiment(), random);
    }

    /** A reply or quote comment that shares the sentiment given, in this language. */
    String response(Sentiment sentiment, String lang, Random random) {
        List<String> phrases = RESPONSES.get(lang).get(sentiment);
        return style(fill(phrases.get(random.nextInt(phrases.size())), random), sentiment, random);
    }

    String brandAnswer(String lang) {
        return BRAND_ANSWERS.get(lang);
    }

    private String fill(String phrase, Random random) {
        String name = Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
        double mention = random.nextDouble();
        String brandRef = mention < 0.6 ? "@" + brand : mention < 0.85 ? name : "#" + brand;
        String product = PRODUCTS.get(random.nextInt(PRODUCTS.size())).replace("{Brand}", name);
        String link = "https://" + LINK_HOSTS.get(random.nextInt(LINK_HOSTS.size())) + "/"
                + Long.toString(Math.abs(random.nextLong()) % 2_000_000_000L, 36);
        return phrase.replace("{brand}", brandRef).replace("{product}", product).replace("{link}", link);
    }

    private String style(String text, Sentiment sentiment, Random random) {
        String styled = text;
        double shout = random.nextDouble();
        if (sentiment == Sentiment.NEGATIVE && shout < 0.15 || sentiment == Sentiment.POSITIVE && shout < 0.06) {
            styled = styled.toUpperCase(Locale.ROOT);
        }
        if (random.nextDouble() < 0.2 && sentiment != Sentiment.NEUTRAL) {
            List<String> emoticons = sentiment == Sentiment.POSITIVE ? HAPPY_EMOTICONS : SAD_EMOTICONS;
            styled = styled + " " + emoticons.get(random.nextInt(emoticons.size()));
        }
        if (random.nextDouble() < 0.25 && !styled.toLowerCase(Locale.ROOT).contains("#" + brand)) {
            String tag = switch (sentiment) {
                case POSITIVE -> random.nextBoolean() ? "#" + brand : "#love";
                case NEGATIVE -> random.nextBoolean() ? "#" + brand + "fail" : "#customerservice";
                case NEUTRAL -> "#" + brand;
            };
            styled = styled + " " + tag;
        }
        return styled;
    }
}
