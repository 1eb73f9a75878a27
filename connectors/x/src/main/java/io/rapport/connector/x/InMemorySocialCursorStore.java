package io.rapport.connector.x;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SocialCursorStore} in memory: survives a new CamelContext, not a new JVM. */
public final class InMemorySocialCursorStore implements SocialCursorStore {

    private final Map<String, String> cursors = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String name) {
        return Optional.ofNullable(cursors.get(name));
    }

    @Override
    public void put(String name, String value) {
        cursors.put(name, value);
    }

    /** Every cursor, for tests and diagnostics. */
    public Map<String, String> snapshot() {
        return Map.copyOf(cursors);
    }
}
