package io.rapport.core.social;

import java.util.regex.Pattern;

/**
 * Signs, in any of the hub's languages, that a post to a brand reports a problem without saying how the author feels:
 * time spent waiting ("45 min on hold", "seit 10 Tagen") and the same thing happening again ("third time",
 * "tercera vez"). Shared by {@link SentimentScorer} (they weigh against the brand) and {@link IntentClassifier} (they
 * make a complaint). Patterns expect lower-case text.
 */
final class ServiceCues {

    /** Time waited, unless it says how fast something was ("in 10 min", "en 15 minutos"). */
    private static final Pattern WAITED = Pattern.compile("(?<!\\b(?:in|within|only|just|en|em|dans|binnen|inom"
            + "|entro|innerhalb) )\\b(?:\\d+|two|three|four|five|six|several|dos|tres|zwei|drei|deux|trois|duas|due"
            + "|tre|twee|drie|två)\\s?(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|horas?|d[ií]as|semanas?"
            + "|minutos?|meses|stunden|tagen?|wochen|minuten|monaten?|heures?|jours|semaines|mois|ore|giorni"
            + "|settimane|minuti|mesi|uur|dagen|weken|maanden|timmar|dagar|veckor|minuter|månader)\\b");

    private static final Pattern AGAIN_AND_AGAIN = Pattern.compile("\\b(?:second|third|fourth|fifth|2nd|3rd|4th"
            + "|5th|\\d+th) time\\b|\\b(?:segunda|tercera|terceira|cuarta) vez\\b|\\b(?:zweite|dritte|vierte)[ns]? mal\\b"
            + "|\\b(?:deuxième|troisième) fois\\b|\\b(?:seconda|terza) volta\\b|\\b(?:tweede|derde) keer\\b"
            + "|\\b(?:andra|tredje) gången\\b");

    private ServiceCues() {
    }

    /** Time waited or a repeat: the post is about a problem. */
    static boolean waitedOrRepeated(String lower) {
        return WAITED.matcher(lower).find() || AGAIN_AND_AGAIN.matcher(lower).find();
    }
}
