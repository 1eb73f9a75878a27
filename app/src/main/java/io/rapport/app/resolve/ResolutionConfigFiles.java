package io.rapport.app.resolve;

import io.rapport.app.config.ConfigFiles;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.survivorship.SurvivorshipRules;
import java.nio.file.Path;

/**
 * Binds config/matching.yaml and config/survivorship.yaml onto the core's settings records. A missing file means
 * the built-in defaults; an invalid one stops the hub at start-up ({@link ConfigFiles}).
 */
public final class ResolutionConfigFiles {

    private final ConfigFiles files;

    public ResolutionConfigFiles(Path configDir) {
        this.files = new ConfigFiles(configDir);
    }

    public MatchSettings matchSettings() {
        return files.read("matching.yaml", MatchSettings.class).orElseGet(MatchSettings::defaults);
    }

    public SurvivorshipRules survivorshipRules() {
        return files.read("survivorship.yaml", SurvivorshipRules.class).orElseGet(SurvivorshipRules::defaults);
    }
}
