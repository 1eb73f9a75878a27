package io.rapport.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2WriteBufferTest {

    @TempDir
    Path dir;

    @Test
    void raisesTheThresholdOfAnEmbeddedH2File() throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "", true);
        try {
            long threshold = H2WriteBuffer.apply(dataSource, 64);
            assertThat(threshold).isGreaterThanOrEqualTo(Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8));
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(100))");
                sql.execute("INSERT INTO t VALUES (1, 'still a working database')");
            }
        } finally {
            dataSource.destroy();
        }
    }

    @Test
    void leavesOtherDatabasesAlone() {
        SingleConnectionDataSource inMemory = new SingleConnectionDataSource("jdbc:h2:mem:other", "sa", "", true);
        try {
            assertThat(H2WriteBuffer.apply(inMemory, 64)).isEqualTo(-1);
            assertThat(H2WriteBuffer.apply(inMemory, 0)).isEqualTo(-1);
        } finally {
            inMemory.destroy();
        }
    }
}
