package io.rapport.app.camel.jmsbatch;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.pipeline.UnprocessableMessageException;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The polling side of {@link JmsBatchComponent}: each of {@code concurrentConsumers} threads owns one JMS
 * connection and one transacted session, gathers a batch, hands it to the route and commits. Message groups
 * still hold: the broker gives all messages of a group to one session.
 */
public class JmsBatchConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(JmsBatchConsumer.class);
    private static final long IDLE_RECEIVE_MS = 500;
    private static final long RECONNECT_DELAY_MS = 2_000;

    private final JmsBatchEndpoint endpoint;
    private volatile boolean running;
    private ExecutorService threads;

    public JmsBatchConsumer(JmsBatchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getComponent().getConnectionFactory() == null) {
            throw new IllegalStateException("jms-batch needs a connectionFactory");
        }
        running = true;
        threads = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "JmsBatch[" + endpoint.getQueue() + "]", endpoint.getConcurrentConsumers());
        for (int i = 0; i < endpoint.getConcurrentConsumers(); i++) {
            threads.submit(this::consumeUntilStopped);
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (threads != null) {
            threads.shutdown();
            // a batch in progress finishes (and commits) before the route is reported stopped
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("jms-batch consumers of {} did not finish within 60 s; their batches roll back", endpoint.getQueue());
            }
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(threads);
            threads = null;
        }
        super.doStop();
    }

    private void consumeUntilStopped() {
        while (running) {
            try (Connection connection = endpoint.getComponent().getConnectionFactory().createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(endpoint.getQueue()));
                MessageProducer deadLetters = session.createProducer(null);
                deadLetters.setDeliveryMode(DeliveryMode.PERSISTENT);
                connection.start();
                while (running) {
                    List<Message> batch = receiveBatch(consumer);
                    if (!batch.isEmpty()) {
                        apply(batch, session, deadLetters);
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("jms-batch consumer of {} lost its session ({}); reconnecting in {} ms", endpoint.getQueue(),
                            e.getMessage(), RECONNECT_DELAY_MS);
                    pause(RECONNECT_DELAY_MS);
                }
            }
        }
    }

    private List<Message> receiveBatch(MessageConsumer consumer) throws JMSException {
        Message first = consumer.receive(IDLE_RECEIVE_MS);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>(Math.min(endpoint.getBatchSize(), 1024));
        batch.add(first);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(endpoint.getBatchTimeoutMs());
        while (batch.size() < endpoint.getBatchSize()) {
            long waitMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            Message next = waitMs > 0 ? consumer.receive(waitMs) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void apply(List<Message> batch, Session session, MessageProducer deadLetters) throws JMSException {
        List<JmsBatchMessage> messages = new ArrayList<>(batch.size());
        for (Message message : batch) {
            messages.add(toBatchMessage(message));
        }
        Exception failure = process(messages);
        if (failure == null) {
            session.commit();
            return;
        }
        if (isTransient(failure)) {
            rollBackAndWait(session, failure, messages.size());
            return;
        }
        if (messages.size() > 1) {
            log.info("batch of {} messages from {} failed ({}); applying them one by one", messages.size(),
                    endpoint.getQueue(), failure.getMessage());
        }
        for (int i = 0; i < messages.size(); i++) {
            // a lone message has already failed on its own; one of many may have failed for another's sake
            Exception own = applyAlone(messages.get(i), messages.size() == 1 ? failure : null);
            if (own != null && !running) {
                // stopping before its retries ran out: not poison yet, so it comes back after the restart
                session.rollback();
                return;
            }
            if (own != null && isTransient(own)) {
                rollBackAndWait(session, own, messages.size());
                return;
            }
            if (own != null) {
                deadLetter(batch.get(i), messages.get(i), own, session, deadLetters);
            }
        }
        session.commit();
    }

    /**
     * One message on its own: applied at once unless it has already failed alone ({@code knownFailure}), then
     * retried with exponential backoff while it fails for a reason of its own. The last failure, or null once
     * applied.
     */
    private Exception applyAlone(JmsBatchMessage message, Exception knownFailure) {
        Exception failure = knownFailure != null ? knownFailure : process(List.of(message));
        long delay = endpoint.getRedeliveryDelayMs();
        for (int retry = 0; failure != null && !isTransient(failure) && !isUnprocessable(failure)
                && retry < endpoint.getMaximumRedeliveries() && running; retry++) {
            pause(delay);
            delay *= 2;
            failure = process(List.of(message));
        }
        return failure;
    }

    private Exception process(List<JmsBatchMessage> messages) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(messages);
            exchange.getMessage().setHeader("rapportBatchSize", messages.size());
            if (messages.size() == 1) {
                exchange.getMessage().setHeader(MessageHeaders.CORRELATION_ID,
                        messages.get(0).property(MessageHeaders.CORRELATION_ID));
            }
            getProcessor().process(exchange);
            return exchange.getException();
        } catch (Exception e) {
            return e;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void deadLetter(Message original, JmsBatchMessage message, Exception failure, Session session,
                            MessageProducer deadLetters) throws JMSException {
        String reason = describe(failure);
        TextMessage letter = session.createTextMessage(message.body());
        for (Map.Entry<String, Object> property : message.properties().entrySet()) {
            letter.setObjectProperty(property.getKey(), property.getValue());
        }
        letter.setStringProperty(MessageHeaders.DEAD_LETTER_REASON, reason);
        letter.setStringProperty(MessageHeaders.DEAD_LETTER_EXCEPTION, rootOf(failure).getClass().getName());
        letter.setStringProperty(MessageHeaders.DEAD_LETTER_STAGE, getRouteId());
        letter.setStringProperty(MessageHeaders.DEAD_LETTERED_AT, Instant.now().toString());
        letter.setStringProperty(MessageHeaders.DEAD_LETTER_QUEUE, endpoint.getQueue());
        if (original.getJMSCorrelationID() != null) {
            letter.setJMSCorrelationID(original.getJMSCorrelationID());
        }
        deadLetters.send(session.createQueue(Queues.deadLetterQueueOf(endpoint.getQueue())), letter);
        String correlationId = message.property(MessageHeaders.CORRELATION_ID);
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            log.warn("dead-lettered message {} from stage {}: {}", message.property(MessageHeaders.MESSAGE_KEY),
                    getRouteId(), reason);
        } finally {
            MDC.remove("correlationId");
        }
    }

    private void rollBackAndWait(Session session, Exception failure, int size) throws JMSException {
        session.rollback();
        log.warn("batch of {} messages from {} rolled back for a later retry: {}", size, endpoint.getQueue(),
                describe(failure));
        pause(Math.max(endpoint.getRedeliveryDelayMs(), 1_000));
    }

    private static boolean isUnprocessable(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnprocessableMessageException) {
                return true;
            }
        }
        return false;
    }

    private boolean isTransient(Exception failure) {
        return endpoint.getComponent().getTransientFailure().test(failure);
    }

    private static JmsBatchMessage toBatchMessage(Message message) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
        Map<String, Object> properties = new HashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            String key = (String) name;
            // broker-managed properties (delivery count, internal routing) are not the message's own
            if (key.startsWith("_") || (key.startsWith("JMSX") && !key.equals(MessageHeaders.GROUP_ID))) {
                continue;
            }
            Object value = message.getObjectProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return new JmsBatchMessage(body == null ? "" : body, properties);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
