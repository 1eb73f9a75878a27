package io.rapport.app.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health/cluster}: this hub's name, whether it leads the singleton pollers and who does. Being a
 * follower is healthy: the status is UP either way, and only the details say who leads.
 */
public class ClusterHealth implements HealthIndicator {

    private final ClusterSettings settings;
    private final CamelClusterService service;

    ClusterHealth(ClusterSettings settings, CamelClusterService service) {
        this.settings = settings;
        this.service = service;
    }

    /** Whether this hub runs the singleton pollers now. */
    public boolean leader() {
        return service.isLeader(settings.namespace());
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", settings.service());
        details.put("namespace", settings.namespace());
        details.put("member", service.getId());
        details.put("leader", leader());
        try {
            CamelClusterView view = service.getView(settings.namespace());
            view.getLeader().map(CamelClusterMember::getId).ifPresent(id -> details.put("leaderMember", id));
            List<String> members = view.getMembers().stream().map(CamelClusterMember::getId).toList();
            details.put("members", members);
        } catch (Exception e) {
            details.put("viewError", e.getMessage());
        }
        return Health.up().withDetails(details).build();
    }
}
