package io.rapport.app.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * {@link QueueStatistics} over Artemis management messages (request to {@code activemq.management}, reply on a
 * temporary queue). Unlike JMX this works the same against the embedded broker and an external cluster member,
 * and unlike browsing it costs one round trip however deep the queue is.
 */
public class ArtemisManagementQueueStatistics implements QueueStatistics {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final long REPLY_TIMEOUT_MS = 5_000;

    private final ConnectionFactory connectionFactory;

    public ArtemisManagementQueueStatistics(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public QueueDepth depth(String queue) {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                TemporaryQueue replies = session.createTemporaryQueue();
                try (MessageProducer requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                     MessageConsumer answers = session.createConsumer(replies)) {
                    Long total = attribute(session, requests, answers, replies, queue, "messageCount");
                    if (total == null) {
                        return QueueDepth.EMPTY;
                    }
                    Long delivering = attribute(session, requests, answers, replies, queue, "deliveringCount");
                    long inFlight = delivering == null ? 0 : delivering;
                    return new QueueDepth(Math.max(0, total - inFlight), inFlight);
                } finally {
                    replies.delete();
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the depth of queue " + queue + " from the broker: " + e.getMessage(), e);
        }
    }

    /** One attribute of one queue, or null when the broker does not know the queue. */
    private static Long attribute(Session session, MessageProducer requests, MessageConsumer answers,
                                  TemporaryQueue replies, String queue, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        request.setJMSReplyTo(replies);
        requests.send(request);
        Message reply = answers.receive(REPLY_TIMEOUT_MS);
        if (reply == null) {
            throw new JMSException("no management reply within " + REPLY_TIMEOUT_MS + " ms");
        }
        if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
            return null;
        }
        try {
            return ((Number) JMSManagementHelper.getResult(reply, Long.class)).longValue();
        } catch (Exception e) {
            throw new JMSException("unreadable management reply for " + queue + "." + attribute + ": " + e.getMessage());
        }
    }
}
