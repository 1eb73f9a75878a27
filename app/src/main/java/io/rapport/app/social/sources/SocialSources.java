package io.rapport.app.social.sources;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.social.SocialInboundGateway;
import io.rapport.connector.x.XRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Adds the X connector's routes to the hub's Camel context, with the {@code social-inbound} route they all deliver to:
 * it stamps each post's arrival (where the arrival-to-action latency is measured from) and queues it on
 * {@code inbound.social}, persistent, before the connector moves its cursor.
 */
public class SocialSources implements CamelContextConfiguration {

    public static final String SINK = "direct:social-inbound";
    public static final String ROUTE_ID = "social-inbound";

    private final XRoutes x;

    public SocialSources(XRoutes x) {
        this.x = x;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        try {
            camelContext.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(SINK).routeId(ROUTE_ID)
                            .description("Queues each post from the X connectors on inbound.social with its arrival")
                            .process(exchange -> exchange.getMessage().setHeader(SocialInboundGateway.RECEIVED_AT,
                                    System.currentTimeMillis()))
                            .removeHeaders("*", MessageHeaders.SOURCE, MessageHeaders.MESSAGE_KEY,
                                    SocialInboundGateway.RECEIVED_AT)
                            // as SocialInboundGateway: one post's copies on one consumer in turn, across hubs
                            .setHeader(MessageHeaders.GROUP_ID, header(MessageHeaders.MESSAGE_KEY))
                            .to("jms:queue:" + Queues.INBOUND_SOCIAL + "?deliveryPersistent=true");
                }
            });
            for (RoutesBuilder routes : x.routeBuilders()) {
                camelContext.addRoutes(routes);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the X connector's routes: " + e.getMessage(), e);
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing: the routes start with the context
    }
}
