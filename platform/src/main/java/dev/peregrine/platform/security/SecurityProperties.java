package dev.peregrine.platform.security;

import jakarta.validation.constraints.AssertTrue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens ({@code peregrine.security.*}), set from the environment as
 * {@code PEREGRINE_SECURITY_OPERATOR_TOKEN} and {@code PEREGRINE_SECURITY_VIEWER_TOKEN}. A token left
 * unset disables that role: every call that needs it is refused.
 */
@Validated
@ConfigurationProperties("peregrine.security")
public record SecurityProperties(String operatorToken, String viewerToken) {

    static final int MIN_TOKEN_LENGTH = 16;

    @AssertTrue(message = "tokens must be at least 16 characters: set PEREGRINE_SECURITY_OPERATOR_TOKEN and "
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
        return "SecurityProperties[operatorToken=" + masked(operatorToken)
                + ", viewerToken=" + masked(viewerToken) + "]";
    }

    // Empty is what peregrine-defaults.yml binds when the variable is missing; it disables the role like null.
    private static String masked(String token) {
        return token == null || token.isEmpty() ? "unset" : "****";
    }
}
