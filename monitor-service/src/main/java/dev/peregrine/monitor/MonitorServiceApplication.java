package dev.peregrine.monitor;

import dev.peregrine.platform.PeregrineApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of monitor-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MonitorServiceApplication {

    public static final String SERVICE_NAME = "monitor-service";

    public static SpringApplicationBuilder builder() {
        return PeregrineApplication.builder(MonitorServiceApplication.class, SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
