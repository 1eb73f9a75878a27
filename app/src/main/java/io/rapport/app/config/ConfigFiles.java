package io.rapport.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the YAML files under config/ onto the core's plain settings records. A file that names an unknown key, or
 * a value the core rejects, stops the hub at start-up with the file and the reason, rather than running with
 * settings nobody meant.
 */
public final class ConfigFiles {

    private static final Logger log = LoggerFactory.getLogger(ConfigFiles.class);

    // a left-out number binds as 0, which the core reads as "default" (as the files' comments promise)
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Path configDir;

    public ConfigFiles(Path configDir) {
        this.configDir = configDir;
    }

    /** The file bound onto the type; empty when the file does not exist. */
    public <T> Optional<T> read(String name, Class<T> type) {
        Path file = configDir.resolve(name);
        if (!Files.exists(file)) {
            log.info("{} not found", file);
            return Optional.empty();
        }
        try {
            T value = yaml.readValue(file.toFile(), type);
            log.info("loaded {}", file);
            return Optional.of(value);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalStateException("invalid " + file + ": " + cause.getMessage(), e);
        }
    }

    /** The file bound onto the type; stops the hub when it does not exist. */
    public <T> T require(String name, Class<T> type) {
        return read(name, type).orElseThrow(() -> new IllegalStateException(
                "missing " + configDir.resolve(name) + ": the hub needs it to start"));
    }
}
