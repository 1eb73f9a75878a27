package io.rapport.connector.erp.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The change capture row trigger for H2, which runs triggers as Java classes: records each insert, update and delete
 * of a captured table in {@code rapport_change}, in the same transaction, with the same rules as the PostgreSQL and
 * MariaDB triggers ({@link ChangeCaptureDdl}).
 */
public final class H2ChangeTrigger implements Trigger {

    private String insert;
    private String entity;
    private int[] keyColumns;
    private int changedAt = -1;
    private int changedBy = -1;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        entity = tableName.toLowerCase(Locale.ROOT);
        CapturedTable table = CapturedTable.ALL.stream().filter(t -> t.table().equals(entity)).findFirst()
                .orElseThrow(() -> new SQLException("change capture does not know table " + tableName));
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                int position = rs.getInt("ORDINAL_POSITION");
                while (columns.size() < position) {
                    columns.add(null);
                }
                columns.set(position - 1, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        keyColumns = table.keyColumns().stream().mapToInt(columns::indexOf).toArray();
        changedAt = columns.indexOf("changed_at");
        changedBy = columns.indexOf("changed_by");
        insert = "INSERT INTO \"" + schemaName + "\"." + ChangeCaptureDdl.CHANGE_TABLE
                + " (entity, entity_key, operation, changed_by) VALUES (?, ?, ?, ?)";
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object[] row = newRow != null ? newRow : oldRow;
        String operation;
        String by;
        if (oldRow == null) {
            operation = "I";
            by = changedBy < 0 ? connection.getMetaData().getUserName() : value(newRow, changedBy);
        } else if (newRow == null) {
            operation = "D";
            by = connection.getMetaData().getUserName();
        } else {
            operation = "U";
            boolean stamped = changedBy >= 0
                    && (changedAt < 0 || !Objects.equals(oldRow[changedAt], newRow[changedAt]));
            by = stamped ? value(newRow, changedBy) : connection.getMetaData().getUserName();
        }
        StringBuilder key = new StringBuilder();
        for (int column : keyColumns) {
            if (key.length() > 0) {
                key.append(CapturedTable.KEY_SEPARATOR);
            }
            key.append(row[column]);
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, entity);
            statement.setString(2, key.toString());
            statement.setString(3, operation);
            statement.setString(4, by);
            statement.executeUpdate();
        }
    }

    private static String value(Object[] row, int column) {
        return column < 0 || row[column] == null ? null : row[column].toString();
    }
}
