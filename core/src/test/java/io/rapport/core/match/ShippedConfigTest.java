package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code config/matching.yaml} documents the defaults: it must say what {@link MatchSettings#defaults()} says. Core
 * has no YAML parser, so this reads the file's simple line shapes ({@code key: value},
 * {@code level: { m: 0.86, u: 0.01 }}, {@code - key}); the app binds the whole file with Jackson.
 */
class ShippedConfigTest {

    private static List<String> lines() throws IOException {
        Path file = Path.of("..", "config", "matching.yaml");
        assumeThat(Files.exists(file)).as("run from the core module of the repository").isTrue();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            if (!content.isBlank()) {
                lines.add(content.stripTrailing());
            }
        }
        return lines;
    }

    @Test
    void thresholdsAreTheDefaults() throws IOException {
        MatchSettings defaults = MatchSettings.defaults();
        assertThat(lines()).contains("matchThreshold: " + defaults.matchThreshold(),
                "reviewThreshold: " + defaults.reviewThreshold());
    }

    @Test
    void everyFieldLevelHasTheDefaultMAndU() throws IOException {
        MatchSettings defaults = MatchSettings.defaults();
        String field = null;
        int levelsSeen = 0;
        for (String line : lines()) {
            String trimmed = line.strip();
            if (line.startsWith("  ") && !line.startsWith("   ") && trimmed.endsWith(":")) {
                field = trimmed.substring(0, trimmed.length() - 1);
            }
            if (field != null && trimmed.contains("{ m:")) {
                String level = trimmed.substring(0, trimmed.indexOf(':'));
                String body = trimmed.substring(trimmed.indexOf('{') + 1, trimmed.indexOf('}'));
                double m = Double.parseDouble(body.substring(body.indexOf("m:") + 2, body.indexOf(',')).strip());
                double u = Double.parseDouble(body.substring(body.indexOf("u:") + 2).strip());
                FieldWeights.Level expected = defaults.field(field).levels().get(level);
                assertThat(expected).as(field + "." + level).isNotNull();
                assertThat(m).as(field + "." + level + ".m").isEqualTo(expected.m());
                assertThat(u).as(field + "." + level + ".u").isEqualTo(expected.u());
                levelsSeen++;
            }
        }
        int levels = defaults.fields().values().stream().map(FieldWeights::levels).mapToInt(Map::size).sum();
        assertThat(levelsSeen).isEqualTo(levels);
    }

    @Test
    void everyBlockingKeyKindIsListed() throws IOException {
        List<String> listed = lines().stream().map(String::strip).filter(l -> l.startsWith("- "))
                .map(l -> l.substring(2).strip()).toList();
        assertThat(listed).containsExactlyElementsOf(BlockingKeys.KINDS);
        assertThat(lines()).contains("  maxBlockSize: " + MatchSettings.Blocking.DEFAULT_MAX_BLOCK_SIZE);
    }
}
