package io.rapport.app.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.core.customer.SourceRecord;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Messaging Gateway onto {@code inbound.customer}. Rows are sent persistent in JMS transactions of a configured
 * size: once {@link Batch#commit()} returns, the broker has them in its journal, which is what lets the import
 * API answer "accepted" honestly. One batch per import keeps the journal syncs (the cost) per batch, not per row.
 */
public class InboundCustomerGateway {

    private final ConnectionFactory connectionFactory;
    private final ObjectMapper json;

    public InboundCustomerGateway(ConnectionFactory connectionFactory, ObjectMapper json) {
        this.connectionFactory = connectionFactory;
        this.json = json;
    }

    public Batch open() {
        try {
            return new Batch(connectionFactory.createConnection());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot reach the broker: " + e.getMessage(), e);
        }
    }

    /**
     * Sends the records as rows 1..n of one import in a single transaction, durable when this returns (the connector
     * intakes and reconciliation: records read from a store, not parsed from a file).
     */
    public int sendAll(String importId, List<SourceRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        try (Batch batch = open()) {
            long row = 0;
            for (SourceRecord record : records) {
                batch.send(CustomerRowMessage.of(importId, ++row, record));
            }
            return batch.commit();
        }
    }

    /** An open JMS transaction on the inbound queue; not thread-safe, one per import. */
    public final class Batch implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;
        private int pending;

        private Batch(Connection connection) throws JMSException {
            this.connection = connection;
            try {
                this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
                this.producer = session.createProducer(session.createQueue(Queues.INBOUND_CUSTOMER));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            } catch (JMSException e) {
                connection.close();
                throw e;
            }
        }

        public void send(CustomerRowMessage row) {
            try {
                TextMessage message = session.createTextMessage(json.writeValueAsString(row));
                message.setStringProperty(MessageHeaders.MESSAGE_KEY, row.messageKey());
                message.setStringProperty(MessageHeaders.CORRELATION_ID, row.correlationId());
                message.setStringProperty(MessageHeaders.SOURCE, row.source());
                message.setStringProperty(MessageHeaders.SOURCE_ID, row.sourceId());
                message.setStringProperty(MessageHeaders.GROUP_ID, row.source() + ":" + row.sourceId());
                producer.send(message);
                pending++;
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            } catch (JMSException e) {
                throw new IllegalStateException("sending row " + row.row() + " to the broker failed: " + e.getMessage(), e);
            }
        }

        /** Makes every row sent since the last commit durable; returns how many that was. */
        public int commit() {
            try {
                session.commit();
                int committed = pending;
                pending = 0;
                return committed;
            } catch (JMSException e) {
                throw new IllegalStateException("committing " + pending + " rows to the broker failed: " + e.getMessage(), e);
            }
        }

        public int pending() {
            return pending;
        }

        /** Rolls back whatever was not committed. */
        @Override
        public void close() {
            try {
                session.close();
                connection.close();
            } catch (JMSException ignored) {
                // closing a connection that is already broken: the uncommitted rows are gone with it, as intended
            }
        }
    }
}
