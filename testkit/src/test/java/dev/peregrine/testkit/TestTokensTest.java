package dev.peregrine.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Where the {@link TestTokens} go among a context's property sources. */
class TestTokensTest {

    @Test
    void theTokensSitUnderTheTestsOwnPropertiesAndAboveTheApplications() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource(
                TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("peregrine.security.viewer-token", "the-tests-own-viewer-token")));
        // As peregrine-defaults.yml does: the tokens from the environment, empty when unset.
        sources.addLast(new MapPropertySource(
                "applicationConfig",
                Map.of("peregrine.security.operator-token", "", "peregrine.security.viewer-token", "")));

        RealInfrastructureContextCustomizerFactory.addTestTokens(sources);

        assertThat(sources.stream().map(PropertySource::getName))
                .containsSubsequence(
                        TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                        RealInfrastructureContextCustomizerFactory.TEST_TOKENS,
                        "applicationConfig");
        assertThat(environment.getProperty("peregrine.security.operator-token")).isEqualTo(TestTokens.OPERATOR);
        assertThat(environment.getProperty("peregrine.security.viewer-token")).isEqualTo("the-tests-own-viewer-token");
        assertThat(environment.getProperty("peregrine.security.tokens[0].token"))
                .isEqualTo(TestTokens.ALICE);
    }

    @Test
    void withoutInlinedPropertiesTheTokensComeFirst() {
        StandardEnvironment environment = new StandardEnvironment();

        RealInfrastructureContextCustomizerFactory.addTestTokens(environment.getPropertySources());

        assertThat(environment.getPropertySources().iterator().next().getName())
                .isEqualTo(RealInfrastructureContextCustomizerFactory.TEST_TOKENS);
    }

    @Test
    void theTokensAreDistinctAndLongEnoughForTheServicesCheck() {
        // CallerTokens (platform) refuses a secret under 16 characters or one used twice when a service starts.
        assertThat(java.util.List.of(TestTokens.OPERATOR, TestTokens.VIEWER, TestTokens.ALICE, TestTokens.BOB))
                .doesNotHaveDuplicates()
                .allSatisfy(token -> assertThat(token).hasSizeGreaterThanOrEqualTo(16));
        assertThat(TestTokens.roleArguments())
                .containsExactly(
                        "--peregrine.security.operator-token=" + TestTokens.OPERATOR,
                        "--peregrine.security.viewer-token=" + TestTokens.VIEWER);
    }
}
