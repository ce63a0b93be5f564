package dev.peregrine.localstack;

import static dev.peregrine.localstack.DeploymentDescriptors.COMPOSE_FILE;
import static dev.peregrine.localstack.DeploymentDescriptors.PROMETHEUS_FILE;
import static dev.peregrine.localstack.DeploymentDescriptors.asMap;
import static dev.peregrine.localstack.DeploymentDescriptors.get;
import static dev.peregrine.localstack.DeploymentDescriptors.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment descriptors cannot drift from the code: docker-compose.yml, the Prometheus configuration
 * and the k8s manifests are checked against each service's {@code <module>.yml} and
 * {@code peregrine-defaults.yml} (ports, environment variable names, probe paths). No Docker engine is
 * needed: the files are parsed, not run.
 */
class ComposeFileConsistencyTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "signal-service", "risk-service", "execution-service", "monitor-service");

    private static DeploymentDescriptors descriptors;

    @BeforeAll
    static void findTheRepository() {
        descriptors = new DeploymentDescriptors(DeploymentDescriptors.findRepositoryRoot());
    }

    @Test
    void everyServiceModuleIsInTheComposeFileAndBuiltFromTheOneDockerfile() {
        Map<String, Object> services = asMap(descriptors.loadYaml(COMPOSE_FILE).get("services"), "services");

        assertThat(services).containsKeys("kafka", "postgres", "prometheus", "grafana");
        for (String service : SERVICES) {
            assertThat(services).containsKey(service);
            DeploymentDescriptors.ImageBuild build = DeploymentDescriptors.ImageBuild.of(
                    asMap(services.get(service), service).get("build"));
            assertThat(build.context()).isEqualTo(".");
            assertThat(build.dockerfile()).isEqualTo("Dockerfile");
            assertThat(build.module()).isEqualTo(service);
            assertThat(descriptors.root().resolve(service).resolve("Dockerfile"))
                    .doesNotExist();
        }
    }

    @Test
    void composeFileMatchesTheServicesConfiguration() {
        assertThat(descriptors.checkCompose(descriptors.loadYaml(COMPOSE_FILE))).isEmpty();
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        assertThat(descriptors.checkPrometheus(
                        descriptors.loadYaml(PROMETHEUS_FILE), descriptors.loadYaml(COMPOSE_FILE)))
                .isEmpty();
    }

    @Test
    void kubernetesManifestsMatchTheServicesConfiguration() {
        Map<String, List<Map<String, Object>>> manifests = descriptors.loadKubernetes();

        assertThat(descriptors.checkKubernetesFiles(manifests)).isEmpty();
        assertThat(descriptors.checkKubernetes(manifests)).isEmpty();
    }

    @Test
    void theGrafanaDashboardReadsPeregrineMetricsFromTheProvisionedDataSource() {
        String dashboard = DeploymentDescriptors.read(
                descriptors.root().resolve("deploy/grafana/dashboards/peregrine-overview.json"));
        String datasource = DeploymentDescriptors.read(
                descriptors.root().resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));

        assertThat(dashboard)
                .contains(
                        "\"title\": \"Peregrine overview\"",
                        "peregrine_ingest_candles_published_total",
                        "peregrine_signal_validations_total",
                        "peregrine_risk_decisions_total",
                        "peregrine_execution_fills_total",
                        "peregrine_kafka_dead_letters_total",
                        "peregrine_kafka_publish_latency_seconds_bucket");
        assertThat(datasource).contains("uid: peregrine-prometheus", "url: http://prometheus:9090");
        assertThat(dashboard).contains("\"uid\": \"peregrine-prometheus\"");
    }

    @Test
    void aDriftedComposeFileIsCaught() {
        Map<String, Object> compose = descriptors.loadYaml(COMPOSE_FILE);
        Map<String, Object> ingest = asMap(get(compose, "services", "ingest-service"), "ingest-service");
        ingest.put("ports", new ArrayList<>(List.of("18081:8081", "9081:9081")));
        asMap(ingest.get("environment"), "environment").put("PEREGRINE_INGEST_REPLAY_FILES", "/data/klines.csv");
        asMap(ingest.get("environment"), "environment").put("PEREGRINE_DATABASE_PASSWORD", "hunter2");
        asMap(ingest.get("depends_on"), "depends_on").put("zookeeper", Map.of("condition", "service_healthy"));
        Map<String, Object> risk = asMap(get(compose, "services", "risk-service"), "risk-service");
        risk.put("ports", new ArrayList<>(List.of("8083:8083", "9093:9093")));
        risk.put("build", "./risk-servce");

        List<String> problems = descriptors.checkCompose(compose);

        assertThat(problems)
                .anyMatch(p -> p.startsWith("ingest-service: publishes container port 8081 on host port 18081"));
        assertThat(problems).anyMatch(p -> p.startsWith("ingest-service: sets PEREGRINE_INGEST_REPLAY_FILES"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("ingest-service: PEREGRINE_DATABASE_PASSWORD must come from the host"));
        assertThat(problems).anyMatch(p -> p.startsWith("ingest-service: depends on zookeeper"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("risk-service: built from ./risk-servce, which has no pom.xml"));
    }

    @Test
    void aPortDriftInOneServiceIsCaughtInComposeAndPrometheus() {
        Map<String, Object> compose = descriptors.loadYaml(COMPOSE_FILE);
        Map<String, Object> monitor = asMap(get(compose, "services", "monitor-service"), "monitor-service");
        monitor.put("ports", new ArrayList<>(List.of("8085:8085", "9095:9095")));
        asMap(monitor.get("environment"), "environment").put("PEREGRINE_MONITOR_MANAGEMENT_PORT", "9095");
        Map<String, Object> prometheus = descriptors.loadYaml(PROMETHEUS_FILE);
        Map<String, Object> job = asMap(list(prometheus.get("scrape_configs")).get(0), "job");
        List<Object> targets = new ArrayList<>(list(job.get("static_configs")));
        Map<String, Object> stray = new LinkedHashMap<>();
        stray.put("targets", List.of("monitor-service:9095"));
        targets.set(targets.size() - 1, stray);
        job.put("static_configs", targets);

        assertThat(descriptors.checkCompose(compose))
                .anyMatch(p -> p.startsWith(
                        "monitor-service: publishes ports [8085, 9095] but should publish only its API port 8085"))
                .anyMatch(p -> p.startsWith(
                        "monitor-service: PEREGRINE_MONITOR_MANAGEMENT_PORT=9095 differs from the default 9085"));
        assertThat(descriptors.checkPrometheus(prometheus, descriptors.loadYaml(COMPOSE_FILE)))
                .containsExactly("prometheus: should scrape monitor-service:9085 but scrapes port 9095");
    }

    @Test
    void aPublishedManagementPortAndADriftedImageRecipeAreCaught(@TempDir Path context) throws IOException {
        String dockerfile = DeploymentDescriptors.read(descriptors.root().resolve("Dockerfile"));
        Files.writeString(
                context.resolve("Dockerfile"),
                dockerfile
                        .replace(
                                "ARG BASE_IMAGE=eclipse-temurin:25.0.3_9-jre-noble",
                                "ARG BASE_IMAGE=eclipse-temurin:25-jre")
                        .replace("USER 10001", "USER root"));
        Map<String, Object> compose = descriptors.loadYaml(COMPOSE_FILE);
        Map<String, Object> risk = asMap(get(compose, "services", "risk-service"), "risk-service");
        risk.put("ports", new ArrayList<>(List.of("8083:8083", "9083:9083")));
        Map<String, Object> build = new LinkedHashMap<>(asMap(risk.get("build"), "build"));
        build.put("context", context.toString());
        build.put("args", Map.of("SERVICE", "risk-service", "API_PORT", "8083", "MANAGEMENT_PORT", "9093"));
        risk.put("build", build);

        assertThat(descriptors.checkCompose(compose))
                .anyMatch(p -> p.startsWith(
                        "risk-service: publishes ports [8083, 9083] but should publish only its API port 8083"))
                .anyMatch(p ->
                        p.startsWith("risk-service: ") && p.endsWith("exposes [8083, 9093], expected 8083 and 9083"))
                .anyMatch(p -> p.startsWith("risk-service: ") && p.endsWith("does not run as the non-root user 10001"))
                .anyMatch(p -> p.contains("starts from eclipse-temurin:25-jre, a moving tag"));
    }

    @Test
    void aDriftedDeploymentIsCaught() {
        Map<String, List<Map<String, Object>>> manifests = descriptors.loadKubernetes();
        Map<String, Object> deployment = manifests.get("signal-service.yaml").get(0);
        Map<String, Object> container = asMap(
                list(get(deployment, "spec", "template", "spec", "containers")).get(0), "container");
        asMap(asMap(container.get("readinessProbe"), "readiness").get("httpGet"), "httpGet")
                .put("path", "/actuator/health");
        asMap(asMap(container.get("livenessProbe"), "liveness").get("httpGet"), "httpGet")
                .put("port", "http");
        List<Object> env = new ArrayList<>(list(container.get("env")));
        env.add(Map.of("name", "SPRING_KAFKA_BOOTSTRAPSERVERS", "value", "kafka:9092"));
        env.add(Map.of("name", "PEREGRINE_SECURITY_VIEWER_TOKEN", "value", "change-me"));
        container.put("env", env);
        asMap(container.get("securityContext"), "securityContext").put("readOnlyRootFilesystem", false);
        manifests.put(
                "secret.yaml", List.of(Map.of("kind", "Secret", "metadata", Map.of("name", "peregrine-secrets"))));

        List<String> problems = descriptors.checkKubernetes(manifests);

        assertThat(problems)
                .contains(
                        "k8s Deployment signal-service: readinessProbe probes /actuator/health, expected /actuator/health/readiness",
                        "k8s Deployment signal-service: livenessProbe probes port http, expected the management port 9082",
                        "k8s Deployment signal-service: root file system is not read-only",
                        "k8s Deployment signal-service: PEREGRINE_SECURITY_VIEWER_TOKEN is written in the manifest; it belongs in the Secret",
                        "k8s/secret.yaml: holds a Secret; secrets are created with kubectl, never committed");
        assertThat(problems)
                .anyMatch(p -> p.startsWith("k8s Deployment signal-service: sets SPRING_KAFKA_BOOTSTRAPSERVERS"));
    }
}
