package io.rapport.app.cluster;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * The routes built in Java that must run once per cluster (the X connector's pollers and stream, whose URIs the
 * connector builds itself) follow the leader of the namespace the YAML pollers use: started when this hub is elected,
 * stopped when it loses the election.
 */
final class SingletonRoutePolicyFactory implements RoutePolicyFactory {

    private final CamelClusterService service;
    private final String namespace;
    private final List<String> routeIds;

    SingletonRoutePolicyFactory(CamelClusterService service, String namespace, List<String> routeIds) {
        this.service = service;
        this.namespace = namespace;
        this.routeIds = List.copyOf(routeIds);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!routeIds.contains(routeId)) {
            return null;
        }
        try {
            return ClusteredRoutePolicy.forNamespace(service, namespace);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make route " + routeId + " a singleton: " + e.getMessage(), e);
        }
    }
}
