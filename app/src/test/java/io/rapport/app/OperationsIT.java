package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class OperationsIT extends HubIntegrationTest {

    @Test
    void healthIsPublicAndShowsBrokerAndDatabaseToAuthenticatedUsers() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).contains("\"status\":\"UP\"").doesNotContain("\"db\"");

        String detailed = viewer().getForObject("/actuator/health", String.class);
        assertThat(detailed).contains("\"db\":{\"status\":\"UP\"").contains("\"jms\":{\"status\":\"UP\"")
                .contains("\"camelHealth\"");
    }

    @Test
    void jolokiaNeverAnswersAnonymously() {
        assertThat(http.getForEntity("/actuator/jolokia", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(http.exchange("/actuator/jolokia/read/java.lang:type=Memory", HttpMethod.GET, new HttpEntity<>(browser),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void viewersReadThroughJolokiaButOnlyAdminsExecuteOperations() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String read = "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}]";
        String query = "[{\"type\":\"exec\",\"mbean\":\"io.rapport:type=DeadLetters\",\"operation\":\"list\","
                + "\"arguments\":[\"dlq.inbound.customer\",1]}]";
        String exec = "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\"},"
                + "{\"type\":\"EXEC\",\"mbean\":\"io.rapport:type=DeadLetters\",\"operation\":\"replay\","
                + "\"arguments\":[\"dlq.inbound.customer\",0]}]";

        ResponseEntity<String> viewerRead = viewer().postForEntity("/actuator/jolokia", new HttpEntity<>(read, json), String.class);
        assertThat(viewerRead.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewerRead.getBody()).contains("\"used\"");
        assertThat(viewer().postForEntity("/actuator/jolokia", new HttpEntity<>(query, json), String.class).getBody())
                .contains("\"status\":200");
        ResponseEntity<String> viewerExec = viewer().postForEntity("/actuator/jolokia", new HttpEntity<>(exec, json), String.class);
        assertThat(viewerExec.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewerExec.getBody()).contains("exec replay needs the operator role");
        assertThat(viewer().getForEntity("/actuator/jolokia/exec/java.lang:type=Memory/gc", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> adminExec = admin().postForEntity("/actuator/jolokia", new HttpEntity<>(exec, json), String.class);
        assertThat(adminExec.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(adminExec.getBody()).contains("\"status\":200");
    }

    @Test
    void brokerQueuesAndCamelRoutesAreInTheJmxTreeHawtioReads() {
        String queues = viewer().getForObject("/actuator/jolokia/search/org.apache.activemq.artemis:component=addresses,*",
                String.class);
        assertThat(queues).contains("inbound.customer").contains("dlq.inbound.customer");
        String routes = viewer().getForObject("/actuator/jolokia/search/org.apache.camel:type=routes,*", String.class);
        assertThat(routes).contains("customer-resolve").contains("customer-drop-folder");
        String replay = viewer().getForObject("/actuator/jolokia/list/io.rapport", String.class);
        assertThat(replay).contains("DeadLetters").contains("replay");
    }

    @Test
    void theConsoleSendsBrowsersToTheLoginPageAndLetsUsersIn() {
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        // the test client follows the redirect, as a browser does
        ResponseEntity<String> login = http.exchange("/actuator/hawtio/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("<form").contains("name=\"password\"").doesNotContain("hawtio-");

        ResponseEntity<String> hawtio = viewer().exchange("/actuator/hawtio/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(hawtio.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(hawtio.getBody()).containsIgnoringCase("hawtio");
    }

    @Test
    void prometheusExposesCamelRouteAndImportMetrics() {
        importCsv(uniqueSource("metrics"), "source_id\nm-1\n");
        awaitIdle();

        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String metrics = viewer().getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("routeId=\"customer-resolve\"").contains("rapport_import_rows_total{");
    }
}
