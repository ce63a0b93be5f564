package dev.peregrine.testkit;

import java.util.Map;

/**
 * The bearer tokens every {@link PeregrineIntegrationTest} context is configured with: one per role, and a named
 * caller per role for the tests that check who an audit row or a run names. They are test values, never secrets:
 * a deployment reads its tokens from the environment (docs/security.md).
 */
public final class TestTokens {

    /** The {@code OPERATOR} role token ({@code peregrine.security.operator-token}). */
    public static final String OPERATOR = "operator-token-0123456789";
    /** The {@code VIEWER} role token ({@code peregrine.security.viewer-token}). */
    public static final String VIEWER = "viewer-token-0123456789";
    /** The named operator {@code alice} ({@code peregrine.security.tokens[0]}): what she starts names her. */
    public static final String ALICE_NAME = "alice";

    public static final String ALICE = "alice-operator-token-0123456789";
    /** The named viewer {@code bob} ({@code peregrine.security.tokens[1]}). */
    public static final String BOB_NAME = "bob";

    public static final String BOB = "bob-viewer-token-0123456789";

    private TestTokens() {}

    /**
     * The tokens as Spring properties. A test that sets {@code peregrine.security.*} itself (in
     * {@code @SpringBootTest(properties)}) overrides them; a list it sets replaces the named callers whole.
     */
    public static Map<String, Object> springProperties() {
        return Map.of(
                "peregrine.security.operator-token", OPERATOR,
                "peregrine.security.viewer-token", VIEWER,
                "peregrine.security.tokens[0].name", ALICE_NAME,
                "peregrine.security.tokens[0].role", "OPERATOR",
                "peregrine.security.tokens[0].token", ALICE,
                "peregrine.security.tokens[1].name", BOB_NAME,
                "peregrine.security.tokens[1].role", "VIEWER",
                "peregrine.security.tokens[1].token", BOB);
    }

    /** The role tokens as command-line arguments, for a service started as a process or a SpringApplication. */
    public static String[] roleArguments() {
        return new String[] {
            "--peregrine.security.operator-token=" + OPERATOR, "--peregrine.security.viewer-token=" + VIEWER
        };
    }
}
