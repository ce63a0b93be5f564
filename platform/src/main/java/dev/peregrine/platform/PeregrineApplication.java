package dev.peregrine.platform;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Starts a Peregrine service. Each service reads {@code peregrine-defaults.yml} (shared defaults, from
 * this module) and then {@code <service-name>.yml}; distinct file names let all five services share one
 * class path in the local stack without reading each other's configuration.
 */
public final class PeregrineApplication {

    private PeregrineApplication() {}

    public static SpringApplicationBuilder builder(Class<?> applicationClass, String serviceName) {
        return new SpringApplicationBuilder(applicationClass)
                .properties(Map.of(
                        "spring.config.name",
                        "peregrine-defaults," + serviceName,
                        "spring.application.name",
                        serviceName));
    }
}
