package io.rapport.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.junit.jupiter.api.Test;

class ClusterServiceFactoryTest {

    private static ClusterSettings settings(String service, String root) {
        return new ClusterSettings(true, service, "rapport-pollers", null, List.of(),
                new ClusterSettings.File(root, Duration.ofSeconds(3)),
                new ClusterSettings.Kubernetes("rapport", Duration.ofSeconds(15)));
    }

    @Test
    void theFileLockServiceLocksUnderTheSharedRootAndTriesAsOftenAsConfigured() {
        CamelClusterService service = ClusterServiceFactory.create(settings("file", "/shared/cluster"), "hub-1",
                Path.of("/var/rapport"));

        FileLockClusterService file = (FileLockClusterService) service;
        assertThat(file.getId()).isEqualTo("hub-1");
        assertThat(file.getRoot()).isEqualTo("/shared/cluster");
        assertThat(file.getAcquireLockIntervalUnit().toMillis(file.getAcquireLockInterval())).isEqualTo(3_000);
    }

    @Test
    void withoutASharedRootTheLockIsInTheDataDirectory() {
        FileLockClusterService file = (FileLockClusterService) ClusterServiceFactory.create(settings("file", " "),
                "hub-1", Path.of("/var/rapport"));

        assertThat(file.getRoot()).isEqualTo(Path.of("/var/rapport/cluster").toAbsolutePath().toString());
    }

    @Test
    void anUnknownServiceIsNamedInTheError() {
        assertThatThrownBy(() -> ClusterServiceFactory.create(settings("zookeeper", null), "hub-1", Path.of(".")))
                .hasMessageContaining("file or kubernetes").hasMessageContaining("zookeeper");
    }

    @Test
    void theLeaseServiceIsConfiguredWhenItsModuleIsThereAndOtherwiseSaysWhatIsMissing() {
        boolean present;
        try {
            Class.forName(ClusterServiceFactory.KUBERNETES_SERVICE);
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        if (present) { // built with -Pkubernetes
            CamelClusterService service = ClusterServiceFactory.create(settings("kubernetes", null), "pod-1", Path.of("."));
            assertThat(service.getId()).isEqualTo("pod-1");
        } else {
            assertThatThrownBy(() -> ClusterServiceFactory.create(settings("kubernetes", null), "pod-1", Path.of(".")))
                    .hasMessageContaining("org.apache.camel:camel-kubernetes");
        }
    }
}
