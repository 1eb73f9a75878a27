package io.rapport.app.pipeline;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Lists and replays per-stage dead-letter queues. A replay moves each message back to the queue it failed on,
 * one JMS transaction per message (receive from the DLQ and send to the origin commit together, so a message is
 * never in both or neither). The dead-letter headers are dropped and a replay count kept, so a message that fails
 * again is dead-lettered with its new reason. Redelivered effects stay single: every stage is an idempotent receiver.
 */
public class DeadLetterReplayer {

    private static final long RECEIVE_TIMEOUT_MS = 1_000;
    private static final Set<String> DEAD_LETTER_HEADERS = Set.of(MessageHeaders.DEAD_LETTER_REASON,
            MessageHeaders.DEAD_LETTER_EXCEPTION, MessageHeaders.DEAD_LETTER_STAGE, MessageHeaders.DEAD_LETTER_QUEUE,
            MessageHeaders.DEAD_LETTERED_AT);

    private final ConnectionFactory connectionFactory;
    private final Set<String> deadLetterQueues;

    public DeadLetterReplayer(ConnectionFactory connectionFactory, PipelineStages stages) {
        this.connectionFactory = connectionFactory;
        this.deadLetterQueues = stages.all().stream().map(PipelineStage::deadLetterQueue).collect(java.util.stream.Collectors.toSet());
    }

    public List<DeadLetter> list(String deadLetterQueue, int limit) {
        requireKnown(deadLetterQueue);
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(deadLetterQueue))) {
            connection.start();
            List<DeadLetter> letters = new ArrayList<>();
            for (Object element : Collections.list(browser.getEnumeration())) {
                if (letters.size() >= limit) {
                    break;
                }
                letters.add(describe((Message) element));
            }
            return letters;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + deadLetterQueue + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves up to {@code limit} messages back to their origin queue; returns how many moved. Only messages that were
     * dead-lettered before the replay began move: one that fails again while the replay runs comes back to the
     * dead-letter queue and stays there, instead of circling between the two queues until the limit.
     */
    public int replay(String deadLetterQueue, int limit) {
        requireKnown(deadLetterQueue);
        String origin = Queues.originOf(deadLetterQueue);
        int moved = 0;
        String deadLetteredBeforeNow = "JMSTimestamp <= " + System.currentTimeMillis();
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue(deadLetterQueue), deadLetteredBeforeNow);
             MessageProducer producer = session.createProducer(session.createQueue(origin))) {
            connection.start();
            while (moved < limit) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (message == null) {
                    break;
                }
                producer.send(replayOf(session, message));
                session.commit();
                moved++;
            }
            return moved;
        } catch (JMSException e) {
            throw new IllegalStateException("replay of " + deadLetterQueue + " stopped after " + moved + " messages: "
                    + e.getMessage(), e);
        }
    }

    private void requireKnown(String deadLetterQueue) {
        if (!deadLetterQueues.contains(deadLetterQueue)) {
            throw new UnknownDeadLetterQueueException(deadLetterQueue, deadLetterQueues);
        }
    }

    private static Message replayOf(Session session, Message original) throws JMSException {
        Message copy = session.createTextMessage(original.getBody(String.class));
        for (Object name : Collections.list(original.getPropertyNames())) {
            String property = (String) name;
            if (!DEAD_LETTER_HEADERS.contains(property) && !property.startsWith("JMSX") && !property.startsWith("_AMQ")) {
                copy.setObjectProperty(property, original.getObjectProperty(property));
            }
        }
        String group = original.getStringProperty(MessageHeaders.GROUP_ID);
        if (group != null) {
            copy.setStringProperty(MessageHeaders.GROUP_ID, group);
        }
        int replays = original.propertyExists(MessageHeaders.REPLAY_COUNT) ? original.getIntProperty(MessageHeaders.REPLAY_COUNT) : 0;
        copy.setIntProperty(MessageHeaders.REPLAY_COUNT, replays + 1);
        return copy;
    }

    private static DeadLetter describe(Message message) throws JMSException {
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(MessageHeaders.MESSAGE_KEY),
                message.getStringProperty(MessageHeaders.CORRELATION_ID),
                message.getStringProperty(MessageHeaders.DEAD_LETTER_STAGE),
                message.getStringProperty(MessageHeaders.DEAD_LETTER_QUEUE),
                message.getStringProperty(MessageHeaders.DEAD_LETTER_REASON),
                message.getStringProperty(MessageHeaders.DEAD_LETTER_EXCEPTION),
                message.getStringProperty(MessageHeaders.DEAD_LETTERED_AT),
                message.propertyExists(MessageHeaders.REPLAY_COUNT) ? message.getIntProperty(MessageHeaders.REPLAY_COUNT) : 0);
    }

    /** The named queue is not one of the pipeline's dead-letter queues. */
    public static class UnknownDeadLetterQueueException extends RuntimeException {
        public UnknownDeadLetterQueueException(String queue, Set<String> known) {
            super("'" + queue + "' is not a dead-letter queue of this pipeline; known: " + new java.util.TreeSet<>(known));
        }
    }

}
