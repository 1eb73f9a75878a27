package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The hub describes its own HTTP API, to those who may call it. */
class OpenApiIT extends HubIntegrationTest {

    @Test
    void theApiDescriptionListsEveryEndpointFamilyWithItsMethodsAndNeedsALogin() throws Exception {
        ResponseEntity<String> answer = viewer().getForEntity("/api/v1/openapi", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode description = new ObjectMapper().readTree(answer.getBody());
        assertThat(description.path("openapi").asText()).startsWith("3.");
        assertThat(description.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        JsonNode paths = description.path("paths");
        assertThat(paths.path("/api/v1/customers/import").has("post")).isTrue();
        assertThat(paths.path("/api/v1/customers/{id}/erase").has("post")).isTrue();
        assertThat(paths.path("/api/v1/pipeline/status").has("get")).isTrue();
        assertThat(paths.path("/api/v1/social/events").has("post")).isTrue();
        assertThat(paths.path("/api/v1/consistency/report").has("get")).isTrue();
        assertThat(paths.fieldNames()).toIterable().allSatisfy(path -> assertThat(path).startsWith("/api/"));

        assertThat(http.getForEntity("/api/v1/openapi", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
