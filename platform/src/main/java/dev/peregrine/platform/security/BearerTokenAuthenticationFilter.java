package dev.peregrine.platform.security;

import dev.peregrine.platform.security.CallerTokens.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns {@code Authorization: Bearer <token>} into an authenticated caller: the principal's name is the token's
 * caller name (what audit records store), its authorities the caller's roles.
 */
class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final CallerTokens tokens;

    BearerTokenAuthenticationFilter(CallerTokens tokens) {
        this.tokens = tokens;
    }

    BearerTokenAuthenticationFilter(SecurityProperties properties) {
        this(CallerTokens.from(properties));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(PREFIX)) {
            byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
            Optional<Caller> caller = presented.length == 0 ? Optional.empty() : tokens.match(presented);
            caller.ifPresent(known -> SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            known.name(),
                            null,
                            AuthorityUtils.createAuthorityList(known.roles().stream()
                                    .map(role -> "ROLE_" + role)
                                    .toArray(String[]::new)))));
        }
        chain.doFilter(request, response);
    }
}
