package io.rapport.connector.x.internal;

import io.rapport.connector.x.XHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one payload to the consumer's route (the sink) with the hub's headers and says whether the route took it, or
 * sends what cannot be read as a post to the dead-letter endpoint with the reason.
 */
final class PostDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PostDelivery.class);

    private final DefaultConsumer consumer;
    private final String source;
    private final String deadLetterUri;
    private final StatusTracker status;
    private ProducerTemplate template;

    PostDelivery(DefaultConsumer consumer, String source, String deadLetterUri, StatusTracker status) {
        this.consumer = consumer;
        this.source = source;
        this.deadLetterUri = deadLetterUri;
        this.status = status;
    }

    /** Whether the route accepted the payload; a refusal is logged and recorded in the status. */
    boolean deliver(Object body, String key, String format) {
        Exchange exchange = consumer.createExchange(false);
        try {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeader(XHeaders.SOURCE, source);
            exchange.getIn().setHeader(XHeaders.MESSAGE_KEY, key);
            exchange.getIn().setHeader(XHeaders.PAYLOAD_FORMAT, format);
            exchange.getIn().setHeader(XHeaders.VISIBILITY, "public");
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                String error = key + " not accepted by the sink: " + exchange.getException();
                LOG.warn("{}", error);
                status.error(error);
                return false;
            }
            status.delivered();
            return true;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    /** Sends an unreadable payload (text or raw bytes) to the dead-letter endpoint; it is not retried. */
    void deadLetter(Object payload, String reason, String key) {
        LOG.warn("dead-lettering an X payload{}: {}", key == null ? "" : " " + key, reason);
        try {
            if (template == null) {
                template = consumer.getEndpoint().getCamelContext().createProducerTemplate();
            }
            Exchange sent = template.send(deadLetterUri, exchange -> {
                exchange.getIn().setBody(payload);
                exchange.getIn().setHeader(XHeaders.SOURCE, source);
                exchange.getIn().setHeader(XHeaders.DEAD_LETTER_REASON, reason);
                if (key != null) {
                    exchange.getIn().setHeader(XHeaders.MESSAGE_KEY, key);
                }
            });
            if (sent.getException() != null) {
                throw sent.getException();
            }
            status.deadLettered();
        } catch (Exception e) {
            LOG.error("the dead-letter endpoint refused an X payload ({}); it was: {}", reason, payload, e);
            status.error("dead-letter endpoint refused a payload: " + e);
        }
    }

    void close() {
        if (template != null) {
            try {
                template.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }
}
