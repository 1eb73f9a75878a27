package io.rapport.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description ({@code GET /api/v1/openapi}) says about the API as a whole: its name, and
 * that every call needs HTTP Basic credentials of one of the three roles (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI rapportApi() {
        return new OpenAPI()
                .info(new Info().title("Rapport hub API").version("v1")
                        .description("Customer intake, the single customer view, stewardship, consistency across"
                                + " stores, social listening, dead letters and erasure. Reads need the viewer role,"
                                + " day-to-day operations the operator role, identity decisions and erasure the admin"
                                + " role (docs/security.md). Errors are problem+json (RFC 9457).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
