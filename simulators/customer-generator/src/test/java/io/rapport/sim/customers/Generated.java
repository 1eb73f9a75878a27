package io.rapport.sim.customers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One in-memory generation run, parsed with the strict test parser. */
final class Generated {

    final GenerationResult result;
    final Map<String, String> csv = new LinkedHashMap<>();
    final String truth;
    /** source -> rows (header first) */
    final Map<String, List<List<String>>> rows = new LinkedHashMap<>();
    final List<List<String>> truthRows;

    private Generated(GenerationResult result, Map<String, StringWriter> writers, StringWriter truth) {
        this.result = result;
        writers.forEach((source, w) -> {
            csv.put(source, w.toString());
            rows.put(source, Rfc4180.parse(w.toString()));
        });
        this.truth = truth.toString();
        this.truthRows = Rfc4180.parse(this.truth);
    }

    static Generated run(GeneratorOptions options) {
        Map<String, StringWriter> writers = new LinkedHashMap<>();
        for (String source : options.sources()) {
            writers.put(source, new StringWriter());
        }
        StringWriter truth = new StringWriter();
        try {
            GenerationResult result = new CustomerGenerator(options).generate(writers, truth);
            return new Generated(result, writers, truth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> header(String source) {
        return rows.get(source).get(0);
    }

    /** Data rows of a source as column name -> value maps. */
    List<Map<String, String>> records(String source) {
        List<List<String>> all = rows.get(source);
        List<String> header = all.get(0);
        return all.subList(1, all.size()).stream().map(row -> {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), row.get(i));
            }
            return m;
        }).toList();
    }

    /** entity id -> number of records */
    Map<String, Integer> recordsPerEntity() {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> row : truthRows.subList(1, truthRows.size())) {
            counts.merge(row.get(2), 1, Integer::sum);
        }
        return counts;
    }
}
