package io.rapport.sim.social;

import java.util.Objects;

/**
 * The ground truth about a post: never in the HTTP payloads, only through the Java API, so that tests and benchmarks
 * can score a classifier, a language detector or a deduplicator against what the generator meant.
 *
 * @param kind        what the post is
 * @param sentiment   its tone towards the brand
 * @param lang        the language it is written in (ISO 639-1), as X's {@code lang} would say
 * @param duplicateOf the id of the earlier post by the same author with the same words, or {@code null}
 */
public record Label(Kind kind, Sentiment sentiment, String lang, Long duplicateOf) {

    public Label {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(lang, "lang");
    }

    /** A label for an original post: the kind's usual sentiment. */
    public static Label of(Kind kind, String lang) {
        return new Label(kind, kind.sentiment(), lang, null);
    }

    /** This label, for a copy of the post with the given id. */
    Label duplicateOf(long original) {
        return new Label(kind, sentiment, lang, original);
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }
}
