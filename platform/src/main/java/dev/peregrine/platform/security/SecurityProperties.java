package dev.peregrine.platform.security;

import jakarta.validation.constraints.AssertTrue;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens ({@code peregrine.security.*}). Two forms, usable together:
 * <ul>
 *   <li>one token per role, {@code PEREGRINE_SECURITY_OPERATOR_TOKEN} and {@code PEREGRINE_SECURITY_VIEWER_TOKEN}:
 *   their callers are named {@code operator} and {@code viewer};</li>
 *   <li>named tokens, several per role: {@code peregrine.security.tokens[i].name}, {@code .role} (OPERATOR or VIEWER)
 *   and either {@code .token-file} (a mounted secret file, read at start) or {@code .token}; from the environment
 *   {@code PEREGRINE_SECURITY_TOKENS_0_NAME}, {@code PEREGRINE_SECURITY_TOKENS_0_ROLE},
 *   {@code PEREGRINE_SECURITY_TOKENS_0_TOKEN_FILE}. The caller's name is what audit records store.</li>
 * </ul>
 * A role without any token is disabled: every call that needs it is refused. {@link CallerTokens} checks the named
 * tokens (a name, a role, one secret of at least 16 characters, no name or secret twice) when the service starts.
 */
@Validated
@ConfigurationProperties("peregrine.security")
public record SecurityProperties(String operatorToken, String viewerToken, List<NamedToken> tokens) {

    static final int MIN_TOKEN_LENGTH = 16;

    @ConstructorBinding
    public SecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /** Only the one-token-per-role form. */
    public SecurityProperties(String operatorToken, String viewerToken) {
        this(operatorToken, viewerToken, List.of());
    }

    /**
     * A named caller's token.
     *
     * @param name      who calls, as audit records will show it (letters, digits, {@code . _ @ -}; at most 64)
     * @param role      OPERATOR (implies VIEWER) or VIEWER
     * @param token     the secret itself; prefer {@code tokenFile}
     * @param tokenFile a file holding the secret (surrounding whitespace and the final newline are ignored)
     */
    public record NamedToken(String name, String role, String token, Path tokenFile) {

        @Override
        public String toString() {
            return "NamedToken[name=" + name + ", role=" + role + ", token=" + masked(token) + ", tokenFile="
                    + tokenFile + "]";
        }
    }

    @AssertTrue(
            message = "tokens must be at least 16 characters: set PEREGRINE_SECURITY_OPERATOR_TOKEN and "
                    + "PEREGRINE_SECURITY_VIEWER_TOKEN to long random values (e.g. `openssl rand -hex 24`)")
    public boolean isTokenLengthValid() {
        return valid(operatorToken) && valid(viewerToken);
    }

    @AssertTrue(message = "the viewer and operator tokens must differ")
    public boolean isTokensDistinct() {
        return operatorToken == null || operatorToken.isEmpty() || !operatorToken.equals(viewerToken);
    }

    private static boolean valid(String token) {
        return token == null || token.isEmpty() || token.length() >= MIN_TOKEN_LENGTH;
    }

    @Override
    public String toString() {
        // Never let a token reach a log line or an actuator dump.
        return "SecurityProperties[operatorToken=" + masked(operatorToken) + ", viewerToken=" + masked(viewerToken)
                + ", tokens=" + tokens + "]";
    }

    // Empty is what peregrine-defaults.yml binds when the variable is missing; it disables the role like null.
    private static String masked(String token) {
        return token == null || token.isEmpty() ? "unset" : "****";
    }
}
