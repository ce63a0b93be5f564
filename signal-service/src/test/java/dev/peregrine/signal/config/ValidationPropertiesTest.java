package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.domain.ValidationConfig;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class ValidationPropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final ValidationProperties.Cutoffs CUTOFFS = new ValidationProperties.Cutoffs(0.6, 0.55, 0.5, 0.45);

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> messages(ValidationProperties properties) {
        return FACTORY.getValidator().validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theShippedSettingsAreOffAndEqualTheValidatorsDefaults() throws Exception {
        var sources =
                new YamlPropertySourceLoader().load("signal-service.yml", new ClassPathResource("signal-service.yml"));
        ValidationProperties shipped = new Binder(
                        ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("peregrine.signal.validation", ValidationProperties.class)
                .get();
        assertThat(messages(shipped)).isEmpty();
        // The backtest engine runs ValidationConfig.defaults(): the shipped file must mean exactly that.
        assertThat(shipped.toConfig()).isEqualTo(ValidationConfig.defaults());
    }

    @Test
    void theSeedsThresholdsAreValid() {
        assertThat(messages(new ValidationProperties(0.70, 0.85, CUTOFFS, null)))
                .isEmpty();
    }

    @Test
    void outOfRangeOrContradictorySettingsSayHowToFixThem() {
        assertThat(messages(new ValidationProperties(1.0, 0, CUTOFFS, null)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.validation.min-confidence is a probability");
        assertThat(messages(new ValidationProperties(0.8, 0.7, CUTOFFS, null)))
                .singleElement()
                .asString()
                .contains("raise the target or lower the minimum");
        assertThat(messages(new ValidationProperties(0, 1.2, CUTOFFS, null)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.validation.target-confidence is 0 (off)");
        assertThat(messages(
                        new ValidationProperties(0, 0, new ValidationProperties.Cutoffs(0.5, 0.55, 0.5, 0.45), null)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.validation.grade-cutoffs must fall strictly");
        assertThat(messages(new ValidationProperties(0, 0, null, null)))
                .singleElement()
                .asString()
                .startsWith("set peregrine.signal.validation.grade-cutoffs");
    }
}
