package io.rapport.connector.x;

import java.util.Optional;

/**
 * Where a social source keeps how far it has read (X's {@code since_id}), one string per cursor name, so that a
 * restart neither skips nor repeats posts. The connector writes a cursor only after the posts up to it were accepted
 * by the sink. The app backs it with a table; {@link InMemorySocialCursorStore} serves tests and single runs.
 */
public interface SocialCursorStore {

    /** The value last put under this name, if any. */
    Optional<String> get(String name);

    /** Replaces the value under this name; must be durable when it returns. */
    void put(String name, String value);
}
