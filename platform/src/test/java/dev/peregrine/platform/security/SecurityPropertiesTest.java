package dev.peregrine.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SecurityPropertiesTest {

    private static final String OPERATOR = "operator-token-0123456789";
    private static final String VIEWER = "viewer-token-0123456789";

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    @Test
    void acceptsDistinctLongTokens() {
        assertThat(validator.validate(new SecurityProperties(OPERATOR, VIEWER))).isEmpty();
    }

    @Test
    void acceptsTokensLeftUnsetBecauseThatOnlyDisablesTheRole() {
        assertThat(validator.validate(new SecurityProperties(null, null))).isEmpty();
        assertThat(validator.validate(new SecurityProperties("", ""))).isEmpty();
        assertThat(validator.validate(new SecurityProperties(OPERATOR, ""))).isEmpty();
        assertThat(validator.validate(new SecurityProperties(null, VIEWER))).isEmpty();
    }

    @Test
    void rejectsAnOperatorTokenShorterThanSixteenCharacters() {
        assertThat(messages(new SecurityProperties("a".repeat(15), VIEWER)))
                .singleElement()
                .asString()
                .contains("at least 16 characters");
    }

    @Test
    void rejectsAViewerTokenShorterThanSixteenCharacters() {
        assertThat(messages(new SecurityProperties(OPERATOR, "short")))
                .singleElement()
                .asString()
                .contains("at least 16 characters");
    }

    @Test
    void acceptsATokenOfExactlySixteenCharacters() {
        assertThat(validator.validate(new SecurityProperties("o".repeat(16), "v".repeat(16))))
                .isEmpty();
    }

    @Test
    void rejectsEqualViewerAndOperatorTokens() {
        assertThat(messages(new SecurityProperties(OPERATOR, OPERATOR)))
                .singleElement()
                .asString()
                .contains("must differ");
    }

    @Test
    void toStringNeverRevealsATokenButSaysWhichAreSet() {
        String text = new SecurityProperties(OPERATOR, VIEWER).toString();

        assertThat(text)
                .doesNotContain(OPERATOR)
                .doesNotContain(VIEWER)
                .doesNotContain("0123456789")
                .contains("operatorToken=****")
                .contains("viewerToken=****");
    }

    @Test
    void toStringReportsAnEmptyTokenAsUnsetBecauseEmptyDisablesTheRole() {
        assertThat(new SecurityProperties("", null).toString())
                .contains("operatorToken=unset")
                .contains("viewerToken=unset");
    }

    @Test
    void namedTokensBindFromTheEnvironmentWithAFileAndKeepTheRoleTokens() {
        Map<String, Object> environment = Map.of(
                "PEREGRINE_SECURITY_OPERATOR_TOKEN", OPERATOR,
                "PEREGRINE_SECURITY_TOKENS_0_NAME", "alice",
                "PEREGRINE_SECURITY_TOKENS_0_ROLE", "OPERATOR",
                "PEREGRINE_SECURITY_TOKENS_0_TOKEN_FILE", "/run/secrets/peregrine-callers/alice",
                "PEREGRINE_SECURITY_TOKENS_1_NAME", "grafana-reader",
                "PEREGRINE_SECURITY_TOKENS_1_ROLE", "VIEWER",
                "PEREGRINE_SECURITY_TOKENS_1_TOKEN", VIEWER);
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

        SecurityProperties bound =
                binder.bind("peregrine.security", SecurityProperties.class).get();

        assertThat(bound.operatorToken()).isEqualTo(OPERATOR);
        assertThat(bound.viewerToken()).isNull();
        assertThat(bound.tokens())
                .containsExactly(
                        new SecurityProperties.NamedToken(
                                "alice",
                                "OPERATOR",
                                null,
                                java.nio.file.Path.of("/run/secrets/peregrine-callers/alice")),
                        new SecurityProperties.NamedToken("grafana-reader", "VIEWER", VIEWER, null));
    }

    private static Set<String> messages(SecurityProperties properties) {
        Set<ConstraintViolation<SecurityProperties>> violations = validator.validate(properties);
        return violations.stream().map(ConstraintViolation::getMessage).collect(java.util.stream.Collectors.toSet());
    }
}
