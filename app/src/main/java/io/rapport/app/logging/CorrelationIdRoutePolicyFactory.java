package io.rapport.app.logging;

import io.rapport.app.broker.MessageHeaders;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;

/**
 * Gives every route, Java or YAML (hot-reloaded ones included), the message's correlation id in the logging
 * context from the moment the exchange begins until it is done, so the dead-letter channel's warning and any
 * error a stage logs can be joined to the import row that caused it. Camel Spring Boot installs every
 * {@link RoutePolicyFactory} bean on the context.
 */
public class CorrelationIdRoutePolicyFactory implements RoutePolicyFactory {

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new Policy();
    }

    private static final class Policy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            String id = exchange.getMessage().getHeader(MessageHeaders.CORRELATION_ID, String.class);
            if (id != null) {
                MDC.put(CorrelationId.MDC_KEY, id);
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }
}
