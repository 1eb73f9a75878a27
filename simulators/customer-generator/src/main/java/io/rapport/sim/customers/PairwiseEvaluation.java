package io.rapport.sim.customers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a predicted clustering (the hub's cross-reference export,
 * {@code source,source_id,customer_id}) against the generator's ground truth ({@code source,source_id,entity_id}).
 *
 * <p>Pairs are counted, never enumerated: with n(c) records in predicted cluster c, n(e) in entity e and n(c,e) in
 * both, predicted pairs = Σ C(n(c),2), true pairs = Σ C(n(e),2), correct pairs = Σ C(n(c,e),2). The (cluster,
 * entity) cells are found by sorting one long per record, so a million records take well under a second of
 * counting and a few tens of megabytes.
 *
 * <p>Truth records the cross-reference does not list count as singletons (and are reported as missing);
 * cross-reference rows for records not in the truth are ignored (reported as unknown).
 */
public final class PairwiseEvaluation {

    private static final String KEY_SEPARATOR = "\u0000";

    private PairwiseEvaluation() {
    }

    public static EvaluationResult evaluate(Path xref, Path truth) throws IOException {
        try (Reader x = Files.newBufferedReader(xref, StandardCharsets.UTF_8);
             Reader t = Files.newBufferedReader(truth, StandardCharsets.UTF_8)) {
            return evaluate(x, t);
        }
    }

    /** Reads the truth first, then the cross-reference; neither reader is closed. */
    public static EvaluationResult evaluate(Reader xref, Reader truth) throws IOException {
        Map<String, Integer> recordIndex = new HashMap<>(1 << 16);
        int[] entityOf = new int[1 << 12];
        int entities;
        {
            CsvReader csv = new CsvReader(buffered(truth));
            int[] cols = header(csv, "truth", "source", "source_id", "entity_id");
            Map<String, Integer> entityIds = new HashMap<>(1 << 16);
            List<String> row;
            while ((row = csv.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                String key = key(row, cols, "truth", csv);
                String entity = field(row, cols[2]);
                Integer index = recordIndex.size();
                if (recordIndex.putIfAbsent(key, index) != null) {
                    throw new IllegalArgumentException("truth lists record " + key.replace(KEY_SEPARATOR, "/")
                            + " twice");
                }
                if (index >= entityOf.length) {
                    entityOf = Arrays.copyOf(entityOf, entityOf.length * 2);
                }
                Integer id = entityIds.get(entity);
                if (id == null) {
                    id = entityIds.size();
                    entityIds.put(entity, id);
                }
                entityOf[index] = id;
            }
            entities = entityIds.size();
        }
        int records = recordIndex.size();
        int[] clusterOf = new int[records];
        Arrays.fill(clusterOf, -1);
        long unknown = 0;
        long duplicateRows = 0;
        int clusters;
        {
            CsvReader csv = new CsvReader(buffered(xref));
            int[] cols = header(csv, "xref", "source", "source_id", "customer_id");
            Map<String, Integer> clusterIds = new HashMap<>(1 << 16);
            List<String> row;
            while ((row = csv.next()) != null) {
                if (blank(row)) {
                    continue;
                }
                Integer index = recordIndex.get(key(row, cols, "xref", csv));
                if (index == null) {
                    unknown++;
                    continue;
                }
                if (clusterOf[index] >= 0) {
                    duplicateRows++;
                    continue;
                }
                String customer = field(row, cols[2]);
                Integer id = clusterIds.get(customer);
                if (id == null) {
                    id = clusterIds.size();
                    clusterIds.put(customer, id);
                }
                clusterOf[index] = id;
            }
            clusters = clusterIds.size();
        }
        recordIndex = null;
        long missing = 0;
        for (int i = 0; i < records; i++) {
            if (clusterOf[i] < 0) {
                clusterOf[i] = clusters++;
                missing++;
            }
        }
        return count(clusterOf, Arrays.copyOf(entityOf, records), clusters, entities, missing, unknown, duplicateRows);
    }

    /**
     * Pairwise scores of two labelings of the same records: {@code predicted[i]} and {@code actual[i]} are the
     * cluster and entity of record i, numbered from 0 below {@code clusters} and {@code entities}.
     */
    static EvaluationResult count(int[] predicted, int[] actual, int clusters, int entities, long missing, long unknown,
            long duplicateRows) {
        int n = predicted.length;
        long[] clusterSize = new long[clusters];
        long[] entitySize = new long[entities];
        long[] cells = new long[n];
        for (int i = 0; i < n; i++) {
            clusterSize[predicted[i]]++;
            entitySize[actual[i]]++;
            cells[i] = ((long) predicted[i] << 32) | actual[i];
        }
        Arrays.sort(cells);
        long correct = 0;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && cells[j] == cells[i]) {
                j++;
            }
            correct += pairs(j - i);
            i = j;
        }
        long predictedPairs = 0;
        for (long size : clusterSize) {
            predictedPairs += pairs(size);
        }
        long truePairs = 0;
        for (long size : entitySize) {
            truePairs += pairs(size);
        }
        double precision = predictedPairs == 0 ? 1.0 : (double) correct / predictedPairs;
        double recall = truePairs == 0 ? 1.0 : (double) correct / truePairs;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new EvaluationResult(precision, recall, f1, n, truePairs, predictedPairs, correct, missing, unknown,
                duplicateRows, clusters, entities);
    }

    private static long pairs(long size) {
        return size * (size - 1) / 2;
    }

    private static Reader buffered(Reader reader) {
        return reader instanceof BufferedReader ? reader : new BufferedReader(reader, 1 << 16);
    }

    private static boolean blank(List<String> row) {
        return row.size() == 1 && row.get(0).isBlank();
    }

    private static int[] header(CsvReader csv, String what, String... names) throws IOException {
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException(what + " file is empty; expected header " + String.join(",", names));
        }
        int[] cols = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            cols[k] = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(names[k])) {
                    cols[k] = i;
                    break;
                }
            }
            if (cols[k] < 0) {
                throw new IllegalArgumentException(what + " file has no column " + names[k] + "; header is "
                        + String.join(",", header) + ", expected " + String.join(",", names));
            }
        }
        return cols;
    }

    private static String key(List<String> row, int[] cols, String what, CsvReader csv) {
        String source = field(row, cols[0]);
        String sourceId = field(row, cols[1]);
        if (source.isEmpty() || sourceId.isEmpty()) {
            throw new IllegalArgumentException(what + " row before line " + csv.line() + " has no source or source_id: "
                    + row);
        }
        return source + KEY_SEPARATOR + sourceId;
    }

    private static String field(List<String> row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }
}
