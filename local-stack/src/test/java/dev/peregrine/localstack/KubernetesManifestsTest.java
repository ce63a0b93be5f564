package dev.peregrine.localstack;

import static dev.peregrine.localstack.DeploymentDescriptors.asMap;
import static dev.peregrine.localstack.DeploymentDescriptors.get;
import static dev.peregrine.localstack.DeploymentDescriptors.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.common.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes overlays as an operator applies them: {@code deploy/validate-k8s.sh} (both overlays built, every
 * manifest validated strictly against the Kubernetes JSON Schemas, the PrometheusRule checked against the rule
 * files) must pass, and the rendered manifests must keep what docs/deploy.md promises (immutable images, probes and
 * a management port, restricted pods, budgets and policies, topics and ACLs from the code, the venue per overlay).
 * Skipped when kubectl/kustomize is not installed; the schema run is skipped when the script says so (exit 3).
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES =
            List.of("ingest-service", "signal-service", "risk-service", "execution-service", "monitor-service");

    private static Path root;

    @BeforeAll
    static void findTheRepository() {
        root = DeploymentDescriptors.findRepositoryRoot();
    }

    @Test
    void theValidationScriptPasses() throws Exception {
        Process process = new ProcessBuilder(
                        "bash", root.resolve("deploy/validate-k8s.sh").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(
                output.lines().filter(line -> !line.startsWith("ok ")).reduce("", (a, b) -> a + b + "\n"));
        assumeTrue(process.exitValue() != 3, () -> "deploy/validate-k8s.sh skipped: " + output);
        assertThat(process.exitValue())
                .as("deploy/validate-k8s.sh exit status; its output:%n%s", output)
                .isZero();
    }

    @Test
    void everyServiceIsDeployedAsDocumented() throws Exception {
        for (String overlay : List.of("paper", "live")) {
            List<Map<String, Object>> manifests = render(overlay);
            Map<String, Map<String, Object>> deployments = byName(manifests, "Deployment");
            Map<String, Map<String, Object>> services = byName(manifests, "Service");
            assertThat(deployments.keySet()).as(overlay).containsExactlyInAnyOrderElementsOf(SERVICES);
            assertThat(manifests)
                    .as(overlay + ": no Secret is committed")
                    .noneMatch(document -> "Secret".equals(document.get("kind")));
            for (String name : SERVICES) {
                String where = overlay + " " + name;
                Map<String, Object> deployment = deployments.get(name);
                assertThat(get(deployment, "spec", "replicas"))
                        .as(where + " replicas")
                        .isEqualTo(1);
                Map<String, Object> pod = asMap(get(deployment, "spec", "template", "spec"), where);
                Map<String, Object> container =
                        asMap(list(pod.get("containers")).get(0), where);
                String image = String.valueOf(container.get("image"));
                assertThat(image)
                        .as(where + " image")
                        .doesNotContainIgnoringCase("SNAPSHOT")
                        .doesNotEndWith(":latest")
                        .matches(".+(@sha256:[0-9a-f]{64}|:v?\\d+\\.\\d+\\.\\d+)");

                assertThat(probe(container, "startupProbe"))
                        .as(where)
                        .isEqualTo("/actuator/health/liveness@management");
                assertThat(probe(container, "livenessProbe"))
                        .as(where)
                        .isEqualTo("/actuator/health/liveness@management");
                assertThat(probe(container, "readinessProbe"))
                        .as(where)
                        .isEqualTo("/actuator/health/readiness@management");
                Set<String> servicePorts = new TreeSet<>();
                list(get(services.get(name), "spec", "ports"))
                        .forEach(p ->
                                servicePorts.add(String.valueOf(asMap(p, where).get("name"))));
                assertThat(servicePorts).as(where + " Service ports").containsExactly("http", "management");

                Map<String, Object> podSecurity = asMap(pod.get("securityContext"), where);
                Map<String, Object> security = asMap(container.get("securityContext"), where);
                assertThat(podSecurity.get("runAsNonRoot")).as(where).isEqualTo(true);
                assertThat(get(podSecurity, "seccompProfile", "type")).as(where).isEqualTo("RuntimeDefault");
                assertThat(security.get("allowPrivilegeEscalation")).as(where).isEqualTo(false);
                assertThat(security.get("readOnlyRootFilesystem")).as(where).isEqualTo(true);
                assertThat(get(security, "capabilities", "drop")).as(where).isEqualTo(List.of("ALL"));
                assertThat(get(container, "resources", "requests")).as(where).isNotNull();
                assertThat(get(container, "resources", "limits", "memory"))
                        .as(where)
                        .isNotNull();
                assertThat(list(container.get("volumeMounts")))
                        .anyMatch(mount -> "/tmp".equals(asMap(mount, where).get("mountPath")));
                assertThat(byName(manifests, "PodDisruptionBudget"))
                        .as(where + " budget")
                        .containsKey(name);
            }
            Map<String, Object> namespace =
                    byName(manifests, "Namespace").values().iterator().next();
            assertThat(asMap(get(namespace, "metadata", "labels"), overlay).get("pod-security.kubernetes.io/enforce"))
                    .as(overlay + " namespace")
                    .isEqualTo("restricted");
            assertThat(byName(manifests, "PodMonitor")).as(overlay).containsKey("peregrine-services");
            assertThat(byName(manifests, "NetworkPolicy"))
                    .as(overlay)
                    .containsKeys(
                            "peregrine-default-deny",
                            "peregrine-egress-dns-kafka-postgres",
                            "peregrine-egress-binance",
                            "peregrine-egress-monitor-alerts",
                            "peregrine-ingress-prometheus");
        }
    }

    @Test
    void theOverlaysChooseTheirVenue() throws Exception {
        Map<String, String> paperExecution = env(render("paper"), "execution-service");
        assertThat(paperExecution)
                .containsEntry("PEREGRINE_EXECUTION_VENUE", "PAPER")
                .doesNotContainKey("BINANCE_API_KEY_FILE");

        List<Map<String, Object>> live = render("live");
        assertThat(env(live, "execution-service"))
                .containsEntry("PEREGRINE_EXECUTION_VENUE", "BINANCE")
                .containsKeys("BINANCE_API_KEY_FILE", "BINANCE_SECRET_KEY_FILE")
                .doesNotContainKeys("BINANCE_API_KEY", "BINANCE_SECRET_KEY");
        assertThat(env(live, "risk-service"))
                .containsKeys(
                        "PEREGRINE_RISK_CAPITALRAMP_MAXORDERNOTIONAL", "PEREGRINE_RISK_CAPITALRAMP_MAXTOTALEXPOSURE");
    }

    @Test
    void everyTopicIsReplicatedAndOnlyItsProducersMayWriteIt() throws Exception {
        List<Map<String, Object>> manifests = render("live");
        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetterOf(topic));
        });
        Map<String, Map<String, Object>> topics = byName(manifests, "KafkaTopic");
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        topics.forEach((name, topic) -> {
            assertThat(get(topic, "spec", "replicas")).as(name).isEqualTo(3);
            assertThat(get(topic, "spec", "config", "min.insync.replicas"))
                    .as(name)
                    .isEqualTo(2);
        });

        Map<String, Set<String>> writers = new HashMap<>();
        byName(manifests, "KafkaUser").forEach((user, document) -> {
            for (Object acl : list(get(document, "spec", "authorization", "acls"))) {
                Map<String, Object> rule = asMap(acl, user);
                if ("topic".equals(get(rule, "resource", "type"))
                        && list(rule.get("operations")).contains("Write")) {
                    writers.computeIfAbsent(String.valueOf(get(rule, "resource", "name")), t -> new TreeSet<>())
                            .add(user);
                }
            }
        });
        assertThat(writers.get(Topics.ORDERS_INTENTS)).containsExactly("risk-service");
        assertThat(writers.get(Topics.STRATEGY_COMMANDS)).containsExactly("monitor-service", "peregrine-operator");
        assertThat(writers.get(Topics.MARKET_CANDLES)).containsExactly("ingest-service");
        assertThat(writers.get(Topics.EXECUTION_REPORTS)).containsExactly("execution-service");
        assertThat(writers).doesNotContainKey("*");
    }

    @Test
    void thePrometheusRuleCarriesTheRuleFilesGroups() throws Exception {
        List<Object> fromFiles = new ArrayList<>();
        try (var files = Files.list(root.resolve("deploy/prometheus/rules"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                fromFiles.addAll(list(asMap(new Yaml().load(Files.readString(file)), file.toString())
                        .get("groups")));
            }
        }
        Map<String, Object> rule =
                asMap(new Yaml().load(Files.readString(root.resolve("k8s/monitoring/prometheus-rule.yaml"))), "rule");
        assertThat(list(get(rule, "spec", "groups"))).isEqualTo(fromFiles);
    }

    // ---------------------------------------------------------------- helpers

    private static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        List<String> command = onPath("kustomize") ? List.of("kustomize", "build") : List.of("kubectl", "kustomize");
        assumeTrue(onPath(command.get(0)), "neither kustomize nor kubectl installed: overlays not built");
        List<String> full = new ArrayList<>(command);
        full.add(root.resolve("k8s/overlays").resolve(overlay).toString());
        Process process = new ProcessBuilder(full)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", full)).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(output)) {
            if (document != null) {
                documents.add(asMap(document, overlay));
            }
        }
        return documents;
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> manifests, String kind) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        manifests.stream()
                .filter(document -> kind.equals(document.get("kind")))
                .forEach(document -> found.put(String.valueOf(get(document, "metadata", "name")), document));
        return found;
    }

    private static Map<String, String> env(List<Map<String, Object>> manifests, String deployment) {
        Map<String, Object> container = asMap(
                list(get(byName(manifests, "Deployment").get(deployment), "spec", "template", "spec", "containers"))
                        .get(0),
                deployment);
        Map<String, String> env = new HashMap<>();
        list(container.get("env"))
                .forEach(e -> env.put(
                        String.valueOf(asMap(e, deployment).get("name")),
                        String.valueOf(asMap(e, deployment).get("value"))));
        return env;
    }

    private static String probe(Map<String, Object> container, String name) {
        return get(container, name, "httpGet", "path") + "@" + get(container, name, "httpGet", "port");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
