package io.rapport.app.resolve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.survivorship.SurvivorshipRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds config/matching.yaml and config/survivorship.yaml onto the core's settings records. A missing file means
 * the built-in defaults; a file that names an unknown key, or a value the core rejects, stops the hub at start-up
 * with the file and the reason, rather than resolving customers with settings nobody meant.
 */
public final class ResolutionConfigFiles {

    private static final Logger log = LoggerFactory.getLogger(ResolutionConfigFiles.class);

    // a left-out threshold binds as 0, which the core reads as "default" (as the files' comments promise)
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final Path configDir;

    public ResolutionConfigFiles(Path configDir) {
        this.configDir = configDir;
    }

    public MatchSettings matchSettings() {
        MatchSettings settings = read("matching.yaml", MatchSettings.class);
        return settings == null ? MatchSettings.defaults() : settings;
    }

    public SurvivorshipRules survivorshipRules() {
        SurvivorshipRules rules = read("survivorship.yaml", SurvivorshipRules.class);
        return rules == null ? SurvivorshipRules.defaults() : rules;
    }

    private <T> T read(String name, Class<T> type) {
        Path file = configDir.resolve(name);
        if (!Files.exists(file)) {
            log.info("{} not found; using the built-in defaults", file);
            return null;
        }
        try {
            T value = yaml.readValue(file.toFile(), type);
            log.info("loaded {}", file);
            return value;
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new IllegalStateException("invalid " + file + ": " + cause.getMessage(), e);
        }
    }
}
