package dev.peregrine.localstack;

import dev.peregrine.execution.ExecutionServiceApplication;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.risk.RiskServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The five services of the suite, in the order the table lists them, with the fixed ports the local stack
 * runs them on (their own defaults: API 808N, management 908N).
 */
enum SuiteService {
    INGEST(
            IngestServiceApplication.class,
            IngestServiceApplication.SERVICE_NAME,
            8081,
            9081,
            IngestServiceApplication::builder),
    SIGNAL(
            SignalServiceApplication.class,
            SignalServiceApplication.SERVICE_NAME,
            8082,
            9082,
            SignalServiceApplication::builder),
    RISK(
            RiskServiceApplication.class,
            RiskServiceApplication.SERVICE_NAME,
            8083,
            9083,
            RiskServiceApplication::builder),
    EXECUTION(
            ExecutionServiceApplication.class,
            ExecutionServiceApplication.SERVICE_NAME,
            8084,
            9084,
            ExecutionServiceApplication::builder),
    MONITOR(
            MonitorServiceApplication.class,
            MonitorServiceApplication.SERVICE_NAME,
            8085,
            9085,
            MonitorServiceApplication::builder);

    private final Class<?> applicationClass;
    private final String serviceName;
    private final int apiPort;
    private final int managementPort;
    private final Supplier<SpringApplicationBuilder> builder;

    SuiteService(
            Class<?> applicationClass,
            String serviceName,
            int apiPort,
            int managementPort,
            Supplier<SpringApplicationBuilder> builder) {
        this.applicationClass = applicationClass;
        this.serviceName = serviceName;
        this.apiPort = apiPort;
        this.managementPort = managementPort;
        this.builder = builder;
    }

    String serviceName() {
        return serviceName;
    }

    /**
     * The PostgreSQL schema the service migrates and uses (its {@code spring.flyway.schemas}), and the name of the
     * role it logs in as, which owns that schema: {@code ingest} for ingest-service, and so on.
     */
    String schema() {
        return serviceName.substring(0, serviceName.indexOf('-'));
    }

    int apiPort() {
        return apiPort;
    }

    int managementPort() {
        return managementPort;
    }

    /** A new builder each time: every service gets its own, parentless application context. */
    SpringApplicationBuilder newBuilder() {
        // Started from a pool thread, Boot cannot find a main method to name the application after.
        return builder.get().main(applicationClass);
    }

    String apiUrl() {
        return "http://localhost:" + apiPort + "/api/v1";
    }

    String metricsUrl() {
        return "http://localhost:" + managementPort + "/actuator/prometheus";
    }

    String healthUrl() {
        return "http://localhost:" + managementPort + "/actuator/health";
    }
}
