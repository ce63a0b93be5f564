package dev.peregrine.risk;

import dev.peregrine.platform.PeregrineApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of risk-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RiskServiceApplication {

    public static final String SERVICE_NAME = "risk-service";

    public static SpringApplicationBuilder builder() {
        return PeregrineApplication.builder(RiskServiceApplication.class, SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
