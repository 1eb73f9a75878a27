package io.rapport.app.cluster;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rapport.cluster.*}: how hub instances that share a broker and a database agree on which one runs the
 * singleton pollers (docs/scale-out.md). Off by default: one hub needs no election.
 *
 * @param enabled         elect a leader among the hubs; the pollers run on the leader only
 * @param service         {@code file} (a lock file on a volume every hub mounts) or {@code kubernetes} (a Lease)
 * @param namespace       the election's name: every hub of one cluster uses the same, all pollers share it
 * @param memberId        this hub's name in the cluster (default: host name and process id)
 * @param javaRoutes      routes built in Java (the X connector's pollers and stream) that follow the leader too,
 *                        through a clustered route policy; the YAML routes use {@code {{rapport.cluster.singleton:}}}
 * @param file            the file lock service
 * @param kubernetes      the Lease service (needs org.apache.camel:camel-kubernetes on the class path)
 */
@ConfigurationProperties("rapport.cluster")
public record ClusterSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("file") String service,
        @DefaultValue("rapport-pollers") String namespace,
        String memberId,
        @DefaultValue({"x-recent-search", "x-filtered-stream", "twitter-search", "twitter-mentions",
                "twitter-direct-messages"}) List<String> javaRoutes,
        @DefaultValue File file,
        @DefaultValue Kubernetes kubernetes) {

    /**
     * @param root                where the lock files are: a directory every hub of the cluster sees (shared volume)
     * @param acquireLockInterval how often a follower tries the lock and the leader writes its heartbeat; a leader
     *                            whose heartbeat is five intervals old is taken over (all hubs must use one value)
     */
    public record File(String root, @DefaultValue("PT2S") Duration acquireLockInterval) {
    }

    /**
     * @param leaseNamespace the Kubernetes namespace of the Lease (default: the pod's own)
     * @param leaseDuration  how long a Lease is held without renewal before another pod may take it
     */
    public record Kubernetes(String leaseNamespace, @DefaultValue("PT15S") Duration leaseDuration) {
    }

    /** The prefix that makes a poller's URI a singleton one: {@code master:<namespace>:}. */
    public String singletonPrefix() {
        return "master:" + namespace + ":";
    }
}
