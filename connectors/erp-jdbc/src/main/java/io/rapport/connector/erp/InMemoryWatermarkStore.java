package io.rapport.connector.erp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link WatermarkStore} in memory, for tests and demos: a restart starts over. Thread-safe. */
public final class InMemoryWatermarkStore implements WatermarkStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> load(String feedName) {
        return Optional.ofNullable(values.get(feedName));
    }

    @Override
    public void save(String feedName, String value) {
        values.put(feedName, value);
    }
}
