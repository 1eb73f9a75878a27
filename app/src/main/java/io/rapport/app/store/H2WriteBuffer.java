package io.rapport.app.store;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the embedded H2 database keep more changed pages in memory before it writes them out in the middle of a
 * transaction.
 *
 * <p>H2's storage engine (MVStore) writes all changed pages as soon as they take more than a fixed 19 MB of heap,
 * inside a transaction too, and a transaction that was written out that way is written again in full when it
 * commits (with {@code WRITE_DELAY=0}, which durability needs, every commit writes). A resolution batch of 2,000
 * records changes more than 19 MB of pages, so most of its pages were serialized twice or more: a measurable share
 * of the time batches hold the resolution lock (docs/performance.md). H2 has no setting for the threshold (the
 * MVStore builder's {@code autoCommitBufferSize} is not reachable through the JDBC URL), so this sets the store's
 * field once at startup. On PostgreSQL, or an H2 version without that field, it changes nothing and logs why.
 */
public final class H2WriteBuffer {

    private static final Logger log = LoggerFactory.getLogger(H2WriteBuffer.class);

    private H2WriteBuffer() {
    }

    /**
     * Raises the threshold to {@code megabytes}, at most an eighth of the heap. Returns the threshold in bytes now
     * in force, or -1 if the database is not an embedded H2 whose threshold could be set.
     */
    public static long apply(DataSource dataSource, int megabytes) {
        if (megabytes <= 0) {
            return -1;
        }
        long bytes = Math.min((long) megabytes << 20, Runtime.getRuntime().maxMemory() / 8);
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getURL().startsWith("jdbc:h2:file:")) {
                return -1;
            }
            // org.h2.jdbc.JdbcConnection -> SessionLocal -> Database -> Store -> MVStore, all public methods; H2 is a
            // runtime-only dependency, hence reflection throughout
            Object h2 = connection.unwrap(Class.forName("org.h2.jdbc.JdbcConnection"));
            Object session = h2.getClass().getMethod("getSession").invoke(h2);
            Object database = session.getClass().getMethod("getDatabase").invoke(session);
            Object store = database.getClass().getMethod("getStore").invoke(database);
            Object mvStore = store.getClass().getMethod("getMvStore").invoke(store);
            Field threshold = mvStore.getClass().getDeclaredField("autoCommitMemory");
            threshold.setAccessible(true);
            int before = threshold.getInt(mvStore);
            if (bytes > before) {
                threshold.setInt(mvStore, (int) Math.min(bytes, Integer.MAX_VALUE));
            }
            log.info("H2 writes changed pages out mid-transaction above {} MB (H2's own threshold: {} MB)",
                    threshold.getInt(mvStore) >> 20, before >> 20);
            return threshold.getInt(mvStore);
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            log.warn("could not raise H2's write buffer, keeping its default: {}", e.toString());
            return -1;
        }
    }
}
