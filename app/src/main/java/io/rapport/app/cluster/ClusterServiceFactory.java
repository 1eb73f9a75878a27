package io.rapport.app.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;

/** Builds the {@link CamelClusterService} that {@code rapport.cluster.service} names. */
final class ClusterServiceFactory {

    static final String KUBERNETES_SERVICE = "org.apache.camel.component.kubernetes.cluster.KubernetesClusterService";

    private ClusterServiceFactory() {
    }

    static CamelClusterService create(ClusterSettings settings, String memberId, Path dataDir) {
        return switch (settings.service()) {
            case "file" -> file(settings, memberId, dataDir);
            case "kubernetes" -> kubernetes(settings, memberId);
            default -> throw new IllegalStateException("rapport.cluster.service must be file or kubernetes, not '"
                    + settings.service() + "'");
        };
    }

    private static CamelClusterService file(ClusterSettings settings, String memberId, Path dataDir) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(memberId);
        // without a shared root every hub would lead its own cluster of one: the default is only right on one host
        String root = settings.file().root() == null || settings.file().root().isBlank()
                ? dataDir.resolve("cluster").toAbsolutePath().toString()
                : settings.file().root();
        service.setRoot(root);
        long intervalMs = settings.file().acquireLockInterval().toMillis();
        service.setAcquireLockInterval(intervalMs, TimeUnit.MILLISECONDS);
        service.setAcquireLockDelay(intervalMs, TimeUnit.MILLISECONDS);
        return service;
    }

    /**
     * The Lease service is loaded by name: camel-kubernetes brings the fabric8 client (tens of jars), which only a
     * Kubernetes deployment needs, so the image for Kubernetes adds org.apache.camel:camel-kubernetes (docs/scale-out.md).
     */
    private static CamelClusterService kubernetes(ClusterSettings settings, String memberId) {
        try {
            Class<?> type = Class.forName(KUBERNETES_SERVICE);
            CamelClusterService service = (CamelClusterService) type.getDeclaredConstructor().newInstance();
            service.setId(memberId);
            type.getMethod("setPodName", String.class).invoke(service, memberId);
            if (settings.kubernetes().leaseNamespace() != null && !settings.kubernetes().leaseNamespace().isBlank()) {
                type.getMethod("setKubernetesResourcesNamespace", String.class)
                        .invoke(service, settings.kubernetes().leaseNamespace());
            }
            type.getMethod("setLeaseDurationMillis", long.class)
                    .invoke(service, settings.kubernetes().leaseDuration().toMillis());
            return service;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("rapport.cluster.service=kubernetes needs org.apache.camel:camel-kubernetes"
                    + " on the class path: build the hub with -Pkubernetes (docs/scale-out.md)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot configure the Kubernetes cluster service: " + e, e);
        }
    }
}
