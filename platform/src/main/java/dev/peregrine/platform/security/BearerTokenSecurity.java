package dev.peregrine.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import java.nio.charset.StandardCharsets;

/**
 * One filter chain for every service: {@code GET /api/**} and what-if calls ({@code POST .../evaluate}, which
 * store and send nothing) need VIEWER, any other method on
 * {@code /api/**} needs OPERATOR, actuator endpoints are open (they live on the management port), and
 * everything else is denied. Refusals are JSON: 401 for a missing or unknown token, 403 for a known
 * token without the role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class BearerTokenSecurity {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenSecurity.class);

    @Bean
    public SecurityFilterChain peregrineSecurityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        if (properties.operatorToken() == null || properties.operatorToken().isEmpty()) {
            log.warn("No operator token configured: every state-changing API call will be refused. "
                    + "Set PEREGRINE_SECURITY_OPERATOR_TOKEN to enable operator actions.");
        }
        http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenAuthenticationFilter(properties), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                        // A what-if computes and stores nothing: reading, with a body.
                        .requestMatchers(HttpMethod.POST, "/api/v1/*/evaluate").hasRole(Roles.VIEWER)
                        .requestMatchers("/api/**").hasRole(Roles.OPERATOR)
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            writeProblem(response, 401, "Unauthorized",
                                    "a valid bearer token is required (Authorization: Bearer <token>)");
                        })
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, 403, "Forbidden",
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

    private static void writeProblem(jakarta.servlet.http.HttpServletResponse response, int status, String title,
                                     String detail) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}");
    }
}
