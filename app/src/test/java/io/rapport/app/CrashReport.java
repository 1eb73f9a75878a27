package io.rapport.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a crash test counted, as one line in the build output ({@code CRASH name lost=0 duplicated=0 ...}) and as
 * {@code target/crash-reports/<name>.json}, so that a CI run shows the figures and not only a green test.
 */
final class CrashReport {

    private final String name;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    CrashReport(String name) {
        this.name = name;
    }

    CrashReport put(String key, long value) {
        counts.put(key, value);
        return this;
    }

    void write() throws IOException {
        System.out.println("CRASH " + name + " " + counts.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" ")));
        Path file = Path.of("target", "crash-reports", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, counts.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
                .collect(Collectors.joining(", ", "{\"test\": \"" + name + "\", ", "}\n")));
    }
}
