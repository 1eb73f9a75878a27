package io.rapport.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.app.cluster.ClusterSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/k8s has no cluster to be applied to here: this reads every manifest as Kubernetes would (YAML documents
 * with a kind and a name), checks that kustomization.yaml lists files that exist, that the brokers' configuration is
 * well-formed XML with one primary and one backup, and that the hubs elect their leader through a Lease they may use.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of(System.getProperty("rapport.home", "..")).resolve("deploy/k8s");

    @Test
    void everyManifestIsANamedKubernetesObjectAndTheKustomizationListsThemAll() throws IOException {
        Map<String, Object> kustomization = single("kustomization.yaml");
        List<String> resources = strings(kustomization.get("resources"));
        try (var files = Files.list(K8S)) {
            List<String> manifests = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")).sorted().toList();
            assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        }
        for (String resource : resources) {
            for (Map<String, Object> object : documents(resource)) {
                assertThat(object).as(resource).containsKeys("apiVersion", "kind", "metadata");
                assertThat(map(object.get("metadata")).get("name")).as(resource + " " + object.get("kind")).isNotNull();
            }
        }
    }

    @Test
    void theBrokerPairIsOnePrimaryAndOneBackupOfWellFormedConfiguration() throws Exception {
        Map<String, Object> data = map(documents("artemis-config.yaml").get(0).get("data"));
        Document primary = xml((String) data.get("broker-primary.xml"));
        Document backup = xml((String) data.get("broker-backup.xml"));
        assertThat(primary.getElementsByTagName("primary").getLength()).isEqualTo(1);
        assertThat(backup.getElementsByTagName("backup").getLength()).isEqualTo(1);
        for (Document broker : List.of(primary, backup)) {
            assertThat(broker.getElementsByTagName("security-enabled").item(0).getTextContent()).isEqualTo("true");
            List<String> queues = new ArrayList<>();
            for (int i = 0; i < broker.getElementsByTagName("queue").getLength(); i++) {
                queues.add(broker.getElementsByTagName("queue").item(i).getAttributes().getNamedItem("name").getNodeValue());
            }
            assertThat(queues).contains("inbound.customer", "dlq.inbound.customer", "inbound.social", "social.action", "DLQ");
        }
    }

    @Test
    void theHubsElectTheirLeaderThroughALeaseTheirAccountMayWrite() throws IOException {
        Map<String, Object> deployment = documents("hub.yaml").stream()
                .filter(o -> "Deployment".equals(o.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> hub = map(((List<?>) pod.get("containers")).get(0));
        List<Map<String, Object>> env = ((List<?>) hub.get("env")).stream().map(KubernetesManifestsTest::map).toList();
        // the environment binds as Spring Boot binds it (RAPPORT_CLUSTER_MEMBERID, not ..._MEMBER_ID); a value taken
        // from the pod's own fields stands in as its field path
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map<String, Object> variable : env) {
            Object value = variable.containsKey("value") ? variable.get("value")
                    : map(map(variable.get("valueFrom")).get("fieldRef")).get("fieldPath");
            variables.put((String) variable.get("name"), value);
        }
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
        ClusterSettings cluster = new Binder(ConfigurationPropertySources.from(environment))
                .bind("rapport.cluster", ClusterSettings.class).get();
        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.service()).isEqualTo("kubernetes");
        assertThat(cluster.memberId()).isEqualTo("metadata.name");
        assertThat(cluster.kubernetes().leaseNamespace()).isEqualTo("metadata.namespace");
        assertThat(map(map(hub.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/readiness");
        assertThat(map(map(hub.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");

        String account = (String) pod.get("serviceAccountName");
        List<Map<String, Object>> rbac = documents("hub-rbac.yaml");
        assertThat(rbac).anySatisfy(o -> assertThat(o).containsEntry("kind", "ServiceAccount")
                .extracting(x -> map(x.get("metadata")).get("name")).isEqualTo(account));
        Map<String, Object> role = rbac.stream().filter(o -> "Role".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat(((List<?>) role.get("rules")).stream().map(KubernetesManifestsTest::map))
                .anySatisfy(rule -> {
                    assertThat(strings(rule.get("apiGroups"))).contains("coordination.k8s.io");
                    assertThat(strings(rule.get("resources"))).contains("leases");
                    assertThat(strings(rule.get("verbs"))).contains("get", "create", "update");
                });
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Object> single(String file) throws IOException {
        List<Map<String, Object>> all = documents(file);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(K8S.resolve(file)))) {
            if (document != null) {
                all.add(map(document));
            }
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
