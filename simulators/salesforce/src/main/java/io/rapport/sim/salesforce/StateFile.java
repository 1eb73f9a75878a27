package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's records in a JSON file ({@code {"records":{"Account":[{...}],...}}}), so that a demo org survives a
 * restart: loaded at start when the file exists, written on close and on {@code snapshot()}. Live records only; the
 * recycle bin, jobs, cursors and change events start empty.
 */
final class StateFile {

    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    void load(SObjectStore store, SObjectTypes types) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Map<String, Map<String, List<Map<String, Object>>>> state = ApiRequest.JSON.readValue(file.toFile(),
                    new TypeReference<>() { });
            state.getOrDefault("records", Map.of()).forEach((type, records) -> {
                types.declare(type);
                records.forEach(record -> store.restore(type, record));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox state from " + file, e);
        }
    }

    /** Writes to a temporary file first, so that a crash mid-write leaves the previous state intact. */
    void save(SObjectStore store) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("records", store.everything());
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            ApiRequest.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox state to " + file, e);
        }
    }
}
