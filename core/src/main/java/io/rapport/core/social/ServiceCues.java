package io.rapport.core.social;

import java.util.regex.Pattern;

/**
 * Signs, in any of the hub's languages, that a post to a brand reports a problem without saying how the author feels:
 * time spent waiting ("45 min on hold", "seit 10 Tagen") and the same thing happening again ("third time",
 * "tercera vez"). Shared by {@link SentimentScorer} (they weigh against the brand) and {@link IntentClassifier} (they
 * make a complaint). Patterns expect lower-case text.
 */
final class ServiceCues {

    /**
     * Time waited, unless it says how fast something was ("in 10 min", "en 15 minutos") or how much time was gained
     * ("landed 20 min early", "10 minutes to spare"); "for hours", "for days" wait without a number.
     */
    private static final Pattern WAITED = Pattern.compile("(?<!\\b(?:in|within|only|just|en|em|dans|binnen|inom"
            + "|entro|innerhalb) )\\b(?:\\d+|two|three|four|five|six|several|dos|tres|zwei|drei|deux|trois|duas|due"
            + "|tre|twee|drie|två)\\s?(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|horas?|d[ií]as|semanas?"
            + "|minutos?|meses|stunden|tagen?|wochen|minuten|monaten?|heures?|jours|semaines|mois|ore|giorni"
            + "|settimane|minuti|mesi|uur|dagen|weken|maanden|timmar|dagar|veckor|minuter|månader)\\b"
            + "(?! (?:early|earlier|ahead|sooner|to spare))");
    private static final Pattern WAITED_FOR = Pattern.compile("\\bfor (?:hours|days|weeks|months|ages)\\b");

    private static final Pattern AGAIN_AND_AGAIN = Pattern.compile("\\b(?:second|third|fourth|fifth|2nd|3rd|4th"
            + "|5th|\\d+th) time\\b|\\b(?:segunda|tercera|terceira|cuarta) vez\\b|\\b(?:zweite|dritte|vierte)[ns]? mal\\b"
            + "|\\b(?:deuxième|troisième) fois\\b|\\b(?:seconda|terza) volta\\b|\\b(?:tweede|derde) keer\\b"
            + "|\\b(?:andra|tredje) gången\\b");
    /** "I've called 5 times", "transferred 6 times", "gate changed 4 times": an attempt or a change repeated. */
    private static final Pattern TRIED_TIMES = Pattern.compile("\\b(?:called|calling|emailed|asked|tried|messaged"
            + "|contacted|transferred|delayed|cancell?ed|changed|moved|rescheduled)\\b(?: \\S+){0,3}? (?:\\d+|two|three|four|five|six|several|multiple|many) times\\b");

    /**
     * Coming back to a brand: "would fly with you again", "will order again". Its "again" is loyalty, not a problem
     * recurring; a negated one ("never fly with you again") is negative by its sentiment.
     */
    private static final Pattern LOYAL_AGAIN = Pattern.compile("\\b((?:fly|flying|book|booking|order|ordering|use"
            + "|using|shop|shopping|stay|staying|buy|buying|travel|traveling|travelling)(?: with (?:you|you guys|u"
            + "|y'all|them))?) again\\b");

    private ServiceCues() {
    }

    /** The text without the "again" of coming back ({@link #LOYAL_AGAIN}). */
    static String withoutLoyalAgain(String lower) {
        return lower.contains("again") ? LOYAL_AGAIN.matcher(lower).replaceAll("$1") : lower;
    }

    /** Time waited or a repeat: the post is about a problem. */
    static boolean waitedOrRepeated(String lower) {
        // the last two only when a cheap test allows: most posts name no time and repeat nothing
        return WAITED.matcher(lower).find() || AGAIN_AND_AGAIN.matcher(lower).find()
                || lower.contains("for ") && WAITED_FOR.matcher(lower).find()
                || lower.contains(" times") && TRIED_TIMES.matcher(lower).find();
    }
}
