package dev.peregrine.ingest;

import dev.peregrine.platform.PeregrineApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point of ingest-service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestServiceApplication {

    public static final String SERVICE_NAME = "ingest-service";

    public static SpringApplicationBuilder builder() {
        return PeregrineApplication.builder(IngestServiceApplication.class, SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
