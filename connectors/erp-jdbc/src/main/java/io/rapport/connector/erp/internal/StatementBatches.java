package io.rapport.connector.erp.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements collected per phase and sent as one JDBC batch per distinct SQL text, phases in order (partners before
 * the addresses that refer to them). Updates of different column sets are different texts, so a batch of similar
 * changes still goes in a few round trips.
 */
public final class StatementBatches {

    private final List<Map<String, List<List<Object>>>> phases = new ArrayList<>();

    public StatementBatches(int phaseCount) {
        for (int i = 0; i < phaseCount; i++) {
            phases.add(new LinkedHashMap<>());
        }
    }

    public void add(int phase, String sql, List<Object> parameters) {
        phases.get(phase).computeIfAbsent(sql, s -> new ArrayList<>()).add(parameters);
    }

    public void execute(Connection connection) throws SQLException {
        for (Map<String, List<List<Object>>> phase : phases) {
            for (Map.Entry<String, List<List<Object>>> batch : phase.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(batch.getKey())) {
                    for (List<Object> parameters : batch.getValue()) {
                        for (int i = 0; i < parameters.size(); i++) {
                            ColumnValues.bind(statement, i + 1, parameters.get(i));
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        }
    }
}
