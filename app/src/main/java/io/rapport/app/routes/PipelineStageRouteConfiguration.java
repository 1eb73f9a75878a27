package io.rapport.app.routes;

import io.rapport.app.RapportProperties;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.support.ExchangeHelper;

/**
 * The Dead Letter Channel shared by every route that consumes a pipeline queue ({@code routeConfigurationId:
 * jms-stage} in the YAML routes). A failing message is retried in place with exponential backoff; if it still
 * fails it is sent, as originally received, to {@code dlq.<queue>} with the reason, exception, stage and time as
 * headers. Inside the consumer's JMS transaction, so the message moves to the DLQ and leaves its queue atomically.
 */
public class PipelineStageRouteConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "jms-stage";
    private static final String DEAD_LETTER_TARGET = "rapportDeadLetterTarget";

    private final RapportProperties.Pipeline settings;

    public PipelineStageRouteConfiguration(RapportProperties.Pipeline settings) {
        this.settings = settings;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .useOriginalMessage()
                .maximumRedeliveries(settings.maximumRedeliveries())
                .redeliveryDelay(settings.redeliveryDelayMs())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .logExhaustedMessageHistory(false)
                .process(PipelineStageRouteConfiguration::markDeadLetter)
                .toD("jms:queue:${exchangeProperty." + DEAD_LETTER_TARGET + "}")
                .log(org.apache.camel.LoggingLevel.WARN, "dead-lettered message ${header." + MessageHeaders.MESSAGE_KEY
                        + "} from stage ${header." + MessageHeaders.DEAD_LETTER_STAGE + "}: ${header."
                        + MessageHeaders.DEAD_LETTER_REASON + "}");
    }

    private static void markDeadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String queue = consumedQueue(exchange);
        var message = exchange.getMessage();
        message.setHeader(MessageHeaders.DEAD_LETTER_REASON, cause == null ? "unknown" : describe(cause));
        message.setHeader(MessageHeaders.DEAD_LETTER_EXCEPTION, cause == null ? "unknown" : cause.getClass().getName());
        message.setHeader(MessageHeaders.DEAD_LETTER_STAGE, ExchangeHelper.getRouteId(exchange));
        message.setHeader(MessageHeaders.DEAD_LETTERED_AT, Instant.now().toString());
        message.setHeader(MessageHeaders.DEAD_LETTER_QUEUE, queue);
        exchange.setProperty(DEAD_LETTER_TARGET, Queues.deadLetterQueueOf(queue));
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    /** The queue the failing message was consumed from, read off the route's consumer endpoint. */
    static String consumedQueue(Exchange exchange) {
        String uri = exchange.getFromEndpoint().getEndpointBaseUri();
        String path = uri.substring(uri.indexOf(':') + 1);
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        return path.startsWith("queue:") ? path.substring("queue:".length()) : path;
    }
}
