package io.rapport.app.social;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;

/**
 * Hands planned actions to {@code social.action}: one message per post, holding its actions' ids in the order the
 * rules planned them (a Chatter post on the Lead a rule creates needs that Lead first), in one JMS transaction.
 * Called after the database transaction that planned them committed; if the hub dies in between, the post is
 * redelivered and its still-planned actions are handed on then (the action stage skips any it already carried out).
 */
public class SocialActionDispatcher {

    private final JmsTemplate jms;

    public SocialActionDispatcher(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        jms.setSessionTransacted(true);
    }

    /** @param actionsByEvent event id → its action ids, in plan order */
    public void dispatch(Map<String, List<String>> actionsByEvent) {
        if (actionsByEvent.isEmpty()) {
            return;
        }
        jms.execute(session -> {
            try (MessageProducer producer = session.createProducer(session.createQueue(Queues.SOCIAL_ACTION))) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Map.Entry<String, List<String>> event : actionsByEvent.entrySet()) {
                    TextMessage message = session.createTextMessage(String.join("\n", event.getValue()));
                    message.setStringProperty(MessageHeaders.MESSAGE_KEY, "actions:" + event.getKey());
                    // a post's actions in plan order on one consumer, whichever hub it runs on
                    message.setStringProperty(MessageHeaders.GROUP_ID, event.getKey());
                    producer.send(message);
                }
            }
            session.commit();
            return null;
        }, true);
    }
}
