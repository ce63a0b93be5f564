package dev.peregrine.backtest.cli;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a configuration built from the file against the Bean Validation constraints its parts declare (the services'
 * {@code @ConfigurationProperties} records carry them; Spring checks them when a service starts, the backtest here),
 * so a value the service would refuse is refused with the service's own message.
 */
public final class ConstraintCheck {

    private ConstraintCheck() {}

    /** Each component of {@code config} and the record itself; the first violation is a {@link UsageException}. */
    public static <T extends Record> T valid(T config) {
        try (ValidatorFactory factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            check(validator, config, "");
            for (RecordComponent component : config.getClass().getRecordComponents()) {
                Object value = RecordOverrides.read(component, config);
                if (value != null) {
                    check(validator, value, RecordOverrides.kebab(component.getName()) + ".");
                }
            }
            return config;
        }
    }

    private static void check(Validator validator, Object value, String prefix) {
        Set<ConstraintViolation<Object>> violations = validator.validate(value);
        violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new UsageException("configuration key " + prefix
                            + RecordOverrides.kebab(v.getPropertyPath().toString()) + " refused: " + v.getMessage());
                });
    }
}
