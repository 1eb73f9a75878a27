package io.rapport.app.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Around each fuzz property: applies {@code -Drapport.fuzz.tries=N} and {@code -Drapport.fuzz.seed=S} (jqwik picks
 * a random seed otherwise and prints it on failure), keeps the tally, and afterwards writes
 * {@code target/fuzz-reports/<path>.json} and prints one {@code FUZZ path=...} line, whether the property passed or not.
 */
public class FuzzReport implements AroundPropertyHook {

    static final Path REPORTS = Path.of(System.getProperty("rapport.fuzz.reports", "target/fuzz-reports"));

    /** Registered on a test class, it is meant for the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String path = context.findAnnotation(FuzzPath.class).map(FuzzPath::value)
                .orElseThrow(() -> new IllegalStateException(context.label() + " has no @FuzzPath"));
        Integer tries = Integer.getInteger("rapport.fuzz.tries");
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        String seed = System.getProperty("rapport.fuzz.seed", "");
        if (!seed.isBlank()) {
            context.attributes().setSeed(seed.strip());
        }
        FuzzTally tally = new FuzzTally(path);
        FuzzTally.start(tally);
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } finally {
            FuzzTally.stop();
        }
        write(tally, result.seed().orElse(""), result.status());
        return result;
    }

    private static void write(FuzzTally tally, String seed, PropertyExecutionResult.Status status) {
        String details = tally.details().entrySet().stream()
                .map(e -> ", \"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining());
        String json = "{\"path\": \"" + tally.path() + "\", \"inputs\": " + tally.inputs()
                + ", \"accepted\": " + tally.of(Outcome.ACCEPTED) + ", \"rejected\": " + tally.of(Outcome.REJECTED)
                + ", \"deadLettered\": " + tally.of(Outcome.DEAD_LETTERED) + ", \"crashes\": " + tally.crashes()
                + ", \"hangs\": " + tally.hangs() + ", \"seed\": \"" + seed + "\", \"status\": \"" + status + "\""
                + details + "}\n";
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(tally.path() + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("FUZZ path=" + tally.path() + " inputs=" + tally.inputs() + " accepted="
                + tally.of(Outcome.ACCEPTED) + " rejected=" + tally.of(Outcome.REJECTED) + " dead-lettered="
                + tally.of(Outcome.DEAD_LETTERED) + " crashes=" + tally.crashes() + " hangs=" + tally.hangs()
                + " seed=" + seed + details(tally.details()));
    }

    private static String details(Map<String, Long> details) {
        return details.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining());
    }
}
