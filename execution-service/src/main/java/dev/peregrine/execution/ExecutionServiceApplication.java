package dev.peregrine.execution;

import dev.peregrine.platform.PeregrineApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of execution-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExecutionServiceApplication {

    public static final String SERVICE_NAME = "execution-service";

    public static SpringApplicationBuilder builder() {
        return PeregrineApplication.builder(ExecutionServiceApplication.class, SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
