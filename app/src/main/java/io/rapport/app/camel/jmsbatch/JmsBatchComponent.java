package io.rapport.app.camel.jmsbatch;

import jakarta.jms.ConnectionFactory;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code jms-batch:<queue>}: consumes a JMS queue in transacted batches. The route receives up to
 * {@code batchSize} messages as one exchange (body: {@code List<JmsBatchMessage>}), and the JMS transaction commits
 * once for the whole batch, after the route has applied it. That is what lets a stage that writes to a database
 * apply many messages in one database transaction and pay one broker sync and one database commit per batch
 * instead of per message (Camel's {@code jms} component commits per exchange).
 *
 * <p>Nothing is lost and nothing is blamed on innocent messages: if the batch fails, each message is applied on
 * its own, with retries, and only those that still fail go to {@code dlq.<queue>} with their reason, inside the
 * same JMS transaction. A failure the {@link #setTransientFailure(Predicate) transient-failure test} accepts (the
 * database is unreachable, say) dead-letters nothing: the transaction rolls back and the batch is tried again.
 */
public class JmsBatchComponent extends DefaultComponent {

    private ConnectionFactory connectionFactory;
    private Predicate<Throwable> transientFailure = failure -> false;

    public JmsBatchComponent() {
    }

    public JmsBatchComponent(ConnectionFactory connectionFactory, Predicate<Throwable> transientFailure) {
        this.connectionFactory = connectionFactory;
        this.transientFailure = transientFailure;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JmsBatchEndpoint endpoint = new JmsBatchEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public ConnectionFactory getConnectionFactory() {
        return connectionFactory;
    }

    public void setConnectionFactory(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    public Predicate<Throwable> getTransientFailure() {
        return transientFailure;
    }

    /** Failures worth waiting out rather than dead-lettering, e.g. a database that cannot be reached. */
    public void setTransientFailure(Predicate<Throwable> transientFailure) {
        this.transientFailure = transientFailure;
    }
}
