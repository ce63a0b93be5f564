package dev.peregrine.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class BearerTokenAuthenticationFilterTest {

    private static final String OPERATOR = "operator-token-0123456789";
    private static final String VIEWER = "viewer-token-0123456789";

    private final BearerTokenAuthenticationFilter filter =
            new BearerTokenAuthenticationFilter(new SecurityProperties(OPERATOR, VIEWER));

    @BeforeEach
    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void operatorTokenAuthenticatesAsOperatorWithViewerImplied() throws Exception {
        Authentication authentication = authenticationSeenDownstream(filter, "Bearer " + OPERATOR);

        assertThat(authentication).isNotNull();
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).isEqualTo("operator");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
    }

    @Test
    void viewerTokenAuthenticatesAsViewerOnly() throws Exception {
        Authentication authentication = authenticationSeenDownstream(filter, "Bearer " + VIEWER);

        assertThat(authentication).isNotNull();
        assertThat(authentication.getName()).isEqualTo("viewer");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
    }

    @Test
    void aNamedTokenAuthenticatesAsItsNameWithItsRoleWhileTheRoleTokensStillWork() throws Exception {
        BearerTokenAuthenticationFilter named = new BearerTokenAuthenticationFilter(new SecurityProperties(
                OPERATOR,
                VIEWER,
                java.util.List.of(
                        new SecurityProperties.NamedToken("alice", "OPERATOR", "alice-token-0123456789", null),
                        new SecurityProperties.NamedToken("bob", "VIEWER", "bob-token-0123456789ab", null))));

        Authentication alice = authenticationSeenDownstream(named, "Bearer alice-token-0123456789");
        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(alice.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        Authentication bob = authenticationSeenDownstream(named, "Bearer bob-token-0123456789ab");
        assertThat(bob.getName()).isEqualTo("bob");
        assertThat(bob.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
        assertThat(authenticationSeenDownstream(named, "Bearer " + OPERATOR).getName())
                .isEqualTo("operator");
    }

    @Test
    void surroundingWhitespaceAfterTheSchemeIsTolerated() throws Exception {
        assertThat(authenticationSeenDownstream(filter, "Bearer   " + VIEWER + "  "))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer not-the-right-token-at-all",
                "Bearer operator-token-012345678",
                "Bearer operator-token-0123456789x",
                "Bearer ",
                "Bearer    ",
                "Bearer",
                "",
                "Basic b3BlcmF0b3I6b3BlcmF0b3ItdG9rZW4tMDEyMzQ1Njc4OQ==",
                "Token operator-token-0123456789",
                "operator-token-0123456789"
            })
    void anythingButAKnownBearerTokenLeavesTheCallerUnauthenticated(String header) throws Exception {
        assertThat(authenticationSeenDownstream(filter, header)).isNull();
    }

    @Test
    void noAuthorizationHeaderLeavesTheCallerUnauthenticated() throws Exception {
        assertThat(authenticationSeenDownstream(filter, null)).isNull();
    }

    @Test
    void anUnsetTokenMatchesNothingNotEvenAnEmptyBearer() throws Exception {
        BearerTokenAuthenticationFilter viewerDisabled =
                new BearerTokenAuthenticationFilter(new SecurityProperties(OPERATOR, ""));

        assertThat(authenticationSeenDownstream(viewerDisabled, "Bearer ")).isNull();
        assertThat(authenticationSeenDownstream(viewerDisabled, "Bearer " + VIEWER))
                .isNull();
        assertThat(authenticationSeenDownstream(viewerDisabled, "Bearer " + OPERATOR))
                .isNotNull();
    }

    /** The filter never refuses a call itself (authorization does that), so the chain must always continue. */
    private static Authentication authenticationSeenDownstream(BearerTokenAuthenticationFilter filter, String header)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/anything");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        AtomicBoolean continued = new AtomicBoolean();
        AtomicReference<Authentication> seen = new AtomicReference<>();
        FilterChain chain = (req, res) -> {
            continued.set(true);
            seen.set(SecurityContextHolder.getContext().getAuthentication());
        };

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(continued).as("filter chain continued").isTrue();
        return seen.get();
    }
}
