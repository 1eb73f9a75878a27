package io.rapport.app.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scale-out: several hubs on one broker and one database. The queue consumers compete on their own (the broker
 * shares the messages, message groups keep one customer's records in order); what must run once per cluster (the
 * timers and pollers) runs on the elected leader only:
 * <ul>
 *   <li>the YAML routes' pollers start from {@code {{rapport.cluster.singleton:}}timer:…}: empty on a lone hub,
 *       {@code master:<namespace>:} here, so Camel's master component starts them on the leader;</li>
 *   <li>the Java routes named in {@code rapport.cluster.java-routes} get a clustered route policy on the same
 *       namespace.</li>
 * </ul>
 * {@code /actuator/health/cluster} tells whether this hub leads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rapport.cluster.enabled", havingValue = "true")
@EnableConfigurationProperties(ClusterSettings.class)
public class ClusterConfiguration {

    @Bean
    CamelClusterService rapportClusterService(ClusterSettings settings, @Value("${rapport.data-dir}") Path dataDir,
                                              @Value("${server.port:8080}") int port) {
        return ClusterServiceFactory.create(settings, memberId(settings, port), dataDir);
    }

    @Bean
    CamelContextConfiguration rapportClusterRoutes(ClusterSettings settings, CamelClusterService service) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                try {
                    if (!context.hasService(service)) {
                        context.addService(service);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the cluster service: " + e.getMessage(), e);
                }
                // read by the YAML routes' URIs, also when a hot reload re-creates them
                context.getPropertiesComponent().addOverrideProperty("rapport.cluster.singleton",
                        settings.singletonPrefix());
                context.addRoutePolicyFactory(new SingletonRoutePolicyFactory(service, settings.namespace(),
                        settings.javaRoutes()));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }

    @Bean
    ClusterHealth cluster(ClusterSettings settings, CamelClusterService service) {
        return new ClusterHealth(settings, service);
    }

    private static String memberId(ClusterSettings settings, int port) {
        if (settings.memberId() != null && !settings.memberId().isBlank()) {
            return settings.memberId();
        }
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        // two hubs on one host differ by their port and process
        return host + "-" + port + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
