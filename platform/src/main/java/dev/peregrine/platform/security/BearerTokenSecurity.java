package dev.peregrine.platform.security;

import dev.peregrine.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * One filter chain for every service: {@code GET /api/**}, the OpenAPI description ({@code GET /v3/api-docs}) and
 * what-if calls ({@code POST .../evaluate}, which store and send nothing) need VIEWER, any other method on
 * {@code /api/**} needs OPERATOR, actuator endpoints are open (they live on the management port; health details are
 * shown to a VIEWER only, see peregrine-defaults.yml), and everything else is denied. Refusals are JSON: 401 for a
 * missing or unknown token, 403 for a known token without the role. Callers are named by their token
 * ({@link CallerTokens}); the principal's name is what audit records store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class BearerTokenSecurity {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenSecurity.class);

    @Bean
    public CallerTokens callerTokens(SecurityProperties properties) {
        CallerTokens tokens = CallerTokens.from(properties);
        log.info(
                "REST callers: {}",
                tokens.callers().isEmpty()
                        ? "none"
                        : tokens.callers().stream()
                                .map(caller ->
                                        caller.name() + " (" + caller.roles().getFirst() + ")")
                                .collect(java.util.stream.Collectors.joining(", ")));
        if (!tokens.anyWithRole(Roles.OPERATOR)) {
            log.warn("No operator token configured: every state-changing API call will be refused. "
                    + "Set PEREGRINE_SECURITY_OPERATOR_TOKEN or a named OPERATOR token (peregrine.security.tokens) "
                    + "to enable operator actions.");
        }
        return tokens;
    }

    @Bean
    public SecurityFilterChain peregrineSecurityFilterChain(HttpSecurity http, CallerTokens tokens) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenAuthenticationFilter(tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(Roles.VIEWER)
                        // The API's description: whoever may read the API may read how it is called.
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .hasRole(Roles.VIEWER)
                        // A what-if computes and stores nothing: reading, with a body.
                        .requestMatchers(HttpMethod.POST, "/api/v1/*/evaluate")
                        .hasRole(Roles.VIEWER)
                        .requestMatchers("/api/**")
                        .hasRole(Roles.OPERATOR)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ProblemResponses.write(
                                    response,
                                    401,
                                    "Unauthorized",
                                    "a valid bearer token is required (Authorization: Bearer <token>)");
                        })
                        .accessDeniedHandler((request, response, e) -> ProblemResponses.write(
                                response,
                                403,
                                "Forbidden",
                                HttpMethod.GET.matches(request.getMethod())
                                        ? "this endpoint requires the VIEWER role"
                                        : "this endpoint changes state and requires the OPERATOR role")));
        return http.build();
    }

    /** No user store: callers are identified by bearer token only. This also stops Boot generating a password. */
    @Bean
    public UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }
}
