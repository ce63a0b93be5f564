package dev.peregrine.signal;

import dev.peregrine.platform.PeregrineApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of signal-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SignalServiceApplication {

    public static final String SERVICE_NAME = "signal-service";

    public static SpringApplicationBuilder builder() {
        return PeregrineApplication.builder(SignalServiceApplication.class, SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
