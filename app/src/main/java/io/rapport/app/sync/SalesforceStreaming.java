package io.rapport.app.sync;

import io.rapport.connector.erp.WatermarkStore;
import io.rapport.connector.salesforce.SalesforceUnavailableException;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Processor;
import org.apache.camel.ServiceStatus;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Adds the {@code salesforce-changes} route, the component's Change Data Capture subscription, once Salesforce can
 * be reached, resuming after the replay id saved last. It is not there from the start because the component's
 * consumers need a session when they start (they refuse lazy login), and the hub must start while Salesforce is
 * down: the subscription gets its own component, which logs in as it starts. Once subscribed, the component itself
 * re-handshakes, logs in again after a session expiry and replays from the last event it saw; when it stops
 * receiving without saying so, the intake has it {@linkplain #restart() restarted}.
 */
public class SalesforceStreaming implements SalesforceIntake.ChangeSubscription {

    public static final String ROUTE_ID = "salesforce-changes";
    static final String COMPONENT = "salesforce-changes";
    private static final String CHANNEL = "/data/ChangeEvents";

    private final CamelContext camel;
    private final Supplier<SalesforceComponent> components;
    private final Processor listener;
    private final WatermarkStore watermarks;

    /** @param components makes a component logged in as the hub, not lazily (each attempt gets a fresh one) */
    public SalesforceStreaming(CamelContext camel, Supplier<SalesforceComponent> components, Processor listener,
                               WatermarkStore watermarks) {
        this.camel = camel;
        this.components = components;
        this.listener = listener;
        this.watermarks = watermarks;
    }

    @Override
    public boolean active() {
        ServiceStatus status = camel.getRouteController().getRouteStatus(ROUTE_ID);
        return status != null && status.isStarted();
    }

    @Override
    public void start() {
        try {
            if (camel.getRoute(ROUTE_ID) != null) {
                camel.getRouteController().startRoute(ROUTE_ID);
                return;
            }
            SalesforceComponent component = components.get();
            component.setLazyLogin(false);
            SalesforceEndpointConfig config = component.getConfig() != null ? component.getConfig()
                    : new SalesforceEndpointConfig();
            watermarks.load(SalesforceChangeListener.REPLAY_FEED)
                    .ifPresent(replayId -> config.setDefaultReplayId(Long.parseLong(replayId)));
            component.setConfig(config);
            camel.removeComponent(COMPONENT);
            camel.addComponent(COMPONENT, component);
            camel.addRoutes(route());
        } catch (Exception e) {
            camel.removeComponent(COMPONENT);
            throw new SalesforceUnavailableException("cannot subscribe to Salesforce change events: " + e.getMessage(),
                    0, e);
        }
    }

    /** A fresh component and route: a new CometD client, which resumes after the replay id saved last. */
    @Override
    public void restart() {
        try {
            if (camel.getRoute(ROUTE_ID) != null) {
                camel.getRouteController().stopRoute(ROUTE_ID);
                camel.removeRoute(ROUTE_ID);
            }
            Component previous = camel.removeComponent(COMPONENT);
            if (previous != null) {
                ServiceHelper.stopAndShutdownService(previous);
            }
        } catch (Exception e) {
            throw new SalesforceUnavailableException("cannot drop the Salesforce change subscription: "
                    + e.getMessage(), 0, e);
        }
        start();
    }

    private RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a failure to file an event is retried, holding the subscription, rather than skipping the event
                errorHandler(defaultErrorHandler().maximumRedeliveries(-1).redeliveryDelay(1_000)
                        .useExponentialBackOff().backOffMultiplier(2).maximumRedeliveryDelay(60_000));
                // an event that cannot be filed would be retried for ever, holding up every event after it
                onException(SalesforceChangeListener.MalformedChangeEventException.class).handled(true)
                        .log(LoggingLevel.WARN, "Salesforce change event not filed: ${exception.message}");
                // an expired replay id falls back to new events; the catch-up poll covers the difference
                from(COMPONENT + ":subscribe:" + CHANNEL + "?rawPayload=false&fallBackReplayId=-1")
                        .routeId(ROUTE_ID)
                        .routeDescription("Event-Driven Consumer of Salesforce Change Data Capture: files the records"
                                + " each change names (the hub's own writes dropped) with the replay id")
                        .process(listener);
            }
        };
    }
}
