package io.rapport.app.social;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import org.springframework.jms.core.JmsTemplate;

/**
 * Messaging Gateway onto {@code inbound.social}: the raw post, as it came, with its source and arrival time. Persistent
 * and committed before {@link #send} returns, so "accepted" means the broker's journal has it.
 */
public class SocialInboundGateway {

    /** When the post reached the hub (epoch milliseconds): where the arrival-to-action latency is measured from. */
    public static final String RECEIVED_AT = "rapportReceivedAt";

    private final JmsTemplate jms;

    public SocialInboundGateway(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
        jms.setExplicitQosEnabled(true);
        jms.setDeliveryPersistent(true);
    }

    public void send(String eventId, String source, String payload, long receivedAtMillis, String correlationId) {
        jms.send(Queues.INBOUND_SOCIAL, session -> {
            TextMessage message = session.createTextMessage(payload);
            message.setStringProperty(MessageHeaders.MESSAGE_KEY, eventId);
            // copies of one post (webhook retries, a connector's re-read) reach one consumer in turn, also across hubs
            message.setStringProperty(MessageHeaders.GROUP_ID, eventId);
            message.setStringProperty(MessageHeaders.SOURCE, source);
            message.setStringProperty(MessageHeaders.CORRELATION_ID, correlationId);
            message.setLongProperty(RECEIVED_AT, receivedAtMillis);
            return message;
        });
    }
}
