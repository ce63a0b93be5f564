package dev.peregrine.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of each service's OpenAPI description ({@code GET /v3/api-docs}) that springdoc cannot see in the
 * controllers: the service's name and that every operation takes a bearer token (VIEWER to read, OPERATOR to change
 * state; docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDescription {

    static final String SCHEME = "bearer";

    @Bean
    public OpenAPI peregrineOpenApi(@Value("${spring.application.name:peregrine}") String service) {
        return new OpenAPI()
                .info(
                        new Info()
                                .title(service)
                                .version("v1")
                                .description(
                                        "Peregrine " + service + ". Every "
                                                + "operation needs a bearer token: GET and what-if evaluations the VIEWER role, anything that "
                                                + "changes state the OPERATOR role. Operator actions are audited with the token's caller name."))
                .components(new Components()
                        .addSecuritySchemes(
                                SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("a named or role token (peregrine.security.*)")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
