package io.rapport.app.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.flywaydb.core.Flyway;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real parts the intake paths hand their input to, for the fuzz harnesses: an embedded Artemis broker (in-VM,
 * not persistent: the harnesses check what reaches the queues, not the journal, which the crash tests cover) and an
 * in-memory H2 database with the hub's Flyway migrations. One per test JVM.
 */
public final class Backbone {

    private static Backbone instance;

    private final EmbeddedActiveMQ broker;
    private final CachingConnectionFactory connectionFactory;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    private Backbone() throws Exception {
        quiet("org.apache.activemq", "io.rapport.app.ingest", "org.springframework", "org.flywaydb", "com.zaxxer");
        String id = Integer.toString(Math.abs(UUID.randomUUID().hashCode() % 100_000) + 1_000);
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://" + id)
                // the hub's queues always have consumers; these have none, and an empty queue without consumers is
                // otherwise deleted by the broker's periodic scan, dropping a message sent at that moment
                .addAddressSetting("#", new AddressSettings().setAutoDeleteQueues(false).setAutoDeleteAddresses(false)));
        broker.start();
        connectionFactory = new CachingConnectionFactory(new ActiveMQConnectionFactory("vm://" + id));
        connectionFactory.setSessionCacheSize(4);
        SimpleDriverDataSource h2 = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:fuzz-" + id + ";DB_CLOSE_DELAY=-1", "rapport", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        dataSource = h2;
        jdbc = new JdbcTemplate(h2);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(h2));
    }

    /** Ten thousand tries would otherwise log ten thousand imports and every broker transaction. */
    private static void quiet(String... loggers) {
        for (String name : loggers) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    public static synchronized Backbone get() {
        if (instance == null) {
            try {
                instance = new Backbone();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the fuzz backbone: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    public ObjectMapper json() {
        return json;
    }

    /** Messages on the queue now (0 when it does not exist yet), as far as the queue has taken them in. */
    public long depth(String queue) {
        Queue q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        if (q == null) {
            return 0;
        }
        q.flushExecutor();
        return q.getMessageCount();
    }

    /**
     * Messages on the queue once it holds {@code expected}, or after five seconds: a commit returns before the queue
     * has counted the messages in (the broker adds them on its own threads), so a count taken at once can lag.
     */
    public long awaitDepth(String queue, long expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long depth = depth(queue);
        while (depth < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            depth = depth(queue);
        }
        return depth;
    }

    /** Empties the queue, so a long run does not hold every accepted input in memory. */
    public void purge(String queue) {
        Queue q = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        if (q != null) {
            try {
                q.flushExecutor();
                q.deleteAllReferences();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
