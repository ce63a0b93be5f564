package dev.peregrine.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Turns {@code Authorization: Bearer <token>} into an authenticated caller with its roles. */
class BearerTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] operatorToken;
    private final byte[] viewerToken;

    BearerTokenAuthenticationFilter(SecurityProperties properties) {
        this.operatorToken = bytes(properties.operatorToken());
        this.viewerToken = bytes(properties.viewerToken());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(PREFIX)) {
            byte[] presented = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
            UsernamePasswordAuthenticationToken authentication = null;
            if (matches(operatorToken, presented)) {
                authentication = UsernamePasswordAuthenticationToken.authenticated("operator", null,
                        AuthorityUtils.createAuthorityList("ROLE_" + Roles.OPERATOR, "ROLE_" + Roles.VIEWER));
            } else if (matches(viewerToken, presented)) {
                authentication = UsernamePasswordAuthenticationToken.authenticated("viewer", null,
                        AuthorityUtils.createAuthorityList("ROLE_" + Roles.VIEWER));
            }
            if (authentication != null) {
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean matches(byte[] expected, byte[] presented) {
        // Constant-time comparison: response timing must not reveal how much of a token was right.
        return expected != null && MessageDigest.isEqual(expected, presented);
    }

    private static byte[] bytes(String token) {
        return token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    }
}
