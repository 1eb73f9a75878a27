package io.rapport.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.fuzz.Outcome;
import java.nio.charset.StandardCharsets;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The HTTP side of the fuzz harnesses: the real controller and the hub's problem+json advice, on MockMvc. */
final class Problems {

    private Problems() {
    }

    static MockMvc mvc(Object controller, ObjectMapper json) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new MappingJackson2HttpMessageConverter(json),
                        new StringHttpMessageConverter(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * A refusal as the API contract wants it: a 4xx problem+json body whose detail says what is wrong. Anything else
     * that is not the path's success status (a 5xx, a 4xx without a reason) is a crash.
     */
    static Outcome rejected(MockHttpServletResponse response, ObjectMapper json) throws Exception {
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (status < 400 || status >= 500) {
            throw new AssertionError("HTTP " + status + " is neither the path's success nor a 4xx refusal: " + body);
        }
        String type = response.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            throw new AssertionError("HTTP " + status + " refusal is not problem+json (" + type + "): " + body);
        }
        JsonNode problem = json.readTree(body);
        if (problem.path("detail").asText("").isBlank()) {
            throw new AssertionError("HTTP " + status + " refusal gives no reason: " + body);
        }
        return Outcome.REJECTED;
    }
}
