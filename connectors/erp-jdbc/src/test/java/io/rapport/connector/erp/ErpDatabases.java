package io.rapport.connector.erp;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test class's databases, each made on first use and dropped after the class. A test asks for an emptied one,
 * so tests of one class share a schema but not its rows.
 *
 * <pre>{@code
 * @RegisterExtension static final ErpDatabases DATABASES = new ErpDatabases();
 * @ParameterizedTest @MethodSource("io.rapport.connector.erp.ErpDatabases#names")
 * void test(String name) { ErpTestDatabase db = DATABASES.empty(name); ... }
 * }</pre>
 */
final class ErpDatabases implements AfterAllCallback {

    private final Map<String, ErpTestDatabase> open = new LinkedHashMap<>();

    static Stream<String> names() {
        return ErpTestDatabase.configured().stream();
    }

    synchronized ErpTestDatabase empty(String name) throws SQLException {
        ErpTestDatabase db = open.get(name);
        if (db == null) {
            db = ErpTestDatabase.create(name);
            open.put(name, db);
        } else {
            db.reset();
        }
        return db;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        open.values().forEach(ErpTestDatabase::close);
        open.clear();
    }
}
