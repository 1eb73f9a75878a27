package io.rapport.connector.x;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Test helpers: a CamelContext with the given routes (a "run" of the hub), and waiting for a condition. */
final class XCamel {

    private XCamel() {
    }

    static CamelContext start(RoutesBuilder... builders) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(5);
        for (RoutesBuilder builder : builders) {
            camel.addRoutes(builder);
        }
        camel.start();
        return camel;
    }

    static CamelContext start(XRoutes routes, Sink... sinks) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getShutdownStrategy().setTimeout(5);
        for (Sink sink : sinks) {
            camel.addRoutes(sink.routes());
        }
        for (RoutesBuilder builder : routes.routeBuilders()) {
            camel.addRoutes(builder);
        }
        camel.start();
        return camel;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
