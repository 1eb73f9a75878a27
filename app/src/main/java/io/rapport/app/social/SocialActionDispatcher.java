package io.rapport.app.social;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;

/**
 * Hands planned actions to {@code social.action}, one message per action, in one JMS transaction. Called after the
 * database transaction that planned them committed; if the hub dies in between, the post is redelivered and its
 * still-planned actions are handed on then (the action stage skips any it already carried out).
 */
public class SocialActionDispatcher {

    private final JmsTemplate jms;

    public SocialActionDispatcher(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
    }

    public void dispatch(List<String> actionIds) {
        if (actionIds.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            try (MessageProducer producer = session.createProducer(session.createQueue(Queues.SOCIAL_ACTION))) {
                producer.setDeliveryMode(jakarta.jms.DeliveryMode.PERSISTENT);
                for (String actionId : actionIds) {
                    TextMessage message = session.createTextMessage(actionId);
                    message.setStringProperty(MessageHeaders.MESSAGE_KEY, actionId);
                    producer.send(message);
                }
            }
            session.commit();
            return null;
        }, true);
    }
}
