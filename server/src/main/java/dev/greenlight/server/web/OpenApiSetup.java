package dev.greenlight.server.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The fixed parts of the OpenAPI document. The server URL is relative so the document is the same on every
 * installation, which lets docs/openapi.json be compared with the running code.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSetup {

    @Bean
    OpenAPI greenlightOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Greenlight API")
                        .version("v1")
                        .description("Release readiness: evidence, gates, approvals, waivers, promotion and a verifiable ledger. "
                                + "Errors are RFC 9457 problem+json; creating POSTs accept an Idempotency-Key.")
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key glk_<id>_<secret>, or a JWT from the configured OIDC issuer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
