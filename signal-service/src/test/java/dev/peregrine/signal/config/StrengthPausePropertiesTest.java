package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.signal.domain.LowStrengthPause;
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

class StrengthPausePropertiesTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> messages(StrengthPauseProperties properties) {
        return FACTORY.getValidator().validate(properties).stream()
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theShippedSettingIsOff() throws Exception {
        var sources =
                new YamlPropertySourceLoader().load("signal-service.yml", new ClassPathResource("signal-service.yml"));
        StrengthPauseProperties shipped = new Binder(
                        ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("peregrine.signal.strength-pause", StrengthPauseProperties.class)
                .get();

        assertThat(messages(shipped)).isEmpty();
        assertThat(shipped.toRule().enabled()).isFalse();
        assertThat(shipped.toRule()).isEqualTo(LowStrengthPause.OFF);
    }

    @Test
    void theSeedsPauseIsValidAndOutOfRangeSettingsSayHowToFixThem() {
        assertThat(messages(new StrengthPauseProperties(20, 50))).isEmpty();
        assertThat(new StrengthPauseProperties(20, 50).toRule().enabled()).isTrue();
        assertThat(messages(new StrengthPauseProperties(0, 50)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.strength-pause.window must be at least 1");
        assertThat(messages(new StrengthPauseProperties(20, 101)))
                .singleElement()
                .asString()
                .startsWith("peregrine.signal.strength-pause.threshold is 0 (off) or a strength 1..100");
    }
}
