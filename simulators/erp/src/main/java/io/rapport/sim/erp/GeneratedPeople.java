package io.rapport.sim.erp;

import io.rapport.sim.customers.CustomerGenerator;
import io.rapport.sim.customers.GeneratorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Realistic people from the customer generator (names, birth dates, national ids, phones and addresses by each
 * country's conventions), one clean record per person: no duplicates, no noise, no invalid values. The ERP is the
 * system of record for billing, so its data is the clean original the other sources drift from.
 */
final class GeneratedPeople {

    private GeneratedPeople() {
    }

    /** Streams {@code people} rows (import contract column to value, blanks left out) to {@code sink}, in a fixed order. */
    static void generate(long seed, long people, Consumer<Map<String, String>> sink) {
        GeneratorOptions options = GeneratorOptions.builder()
                .seed(seed)
                .entities(people)
                .sources("erp")
                .duplicateRatio(0)
                .noiseRatio(0)
                .invalidRatio(0)
                .shuffleWindow(0)
                .build();
        try (Writer rows = new CsvRowSink(sink)) {
            new CustomerGenerator(options).generate(Map.of("erp", rows), Writer.nullWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
