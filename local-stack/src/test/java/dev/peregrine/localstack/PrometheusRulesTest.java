package dev.peregrine.localstack;

import static dev.peregrine.localstack.DeploymentDescriptors.COMPOSE_FILE;
import static dev.peregrine.localstack.DeploymentDescriptors.PROMETHEUS_FILE;
import static dev.peregrine.localstack.DeploymentDescriptors.asMap;
import static dev.peregrine.localstack.DeploymentDescriptors.get;
import static dev.peregrine.localstack.DeploymentDescriptors.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerting side of {@code deploy/}: Prometheus loads the rules and sends to the compose file's Alertmanager,
 * every rule carries a severity, a summary and a runbook that docs/monitoring.md has, the dashboards read the
 * data source chosen in their {@code datasource} variable, and, where promtool is installed,
 * {@code deploy/check-prometheus.sh} (promtool check config, check rules, test rules) passes. Whether every metric
 * the dashboards and rules query exists is checked by {@code WalkingSkeletonIT}, which has services to scrape.
 */
class PrometheusRulesTest {

    private static Path root;

    @BeforeAll
    static void findTheRepository() {
        root = DeploymentDescriptors.findRepositoryRoot();
    }

    @Test
    void promtoolChecksTheConfigurationAndTheRulesAndTheRuleTestsPass() throws Exception {
        assumeTrue(onPath("promtool"), "promtool not installed: deploy/check-prometheus.sh skipped");

        Process process = new ProcessBuilder(
                        "bash", root.resolve("deploy/check-prometheus.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("check-prometheus.sh finished")
                .isTrue();

        assertThat(process.exitValue())
                .as("deploy/check-prometheus.sh exit status; its output:%n%s", output)
                .isZero();
        assertThat(output).contains("SUCCESS", "all Prometheus checks passed");
    }

    @Test
    void prometheusLoadsTheRuleFilesAndAlertsTheComposeFilesAlertmanager() {
        DeploymentDescriptors descriptors = new DeploymentDescriptors(root);
        Map<String, Object> prometheus = descriptors.loadYaml(PROMETHEUS_FILE);
        Map<String, Object> compose = descriptors.loadYaml(COMPOSE_FILE);

        assertThat(list(prometheus.get("rule_files"))).containsExactly("rules/*.yml");
        assertThat(ruleFiles()).isNotEmpty();
        Object targets = get(
                asMap(list(get(prometheus, "alerting", "alertmanagers")).get(0), "alertmanagers[0]"), "static_configs");
        assertThat(list(asMap(list(targets).get(0), "static_configs[0]").get("targets")))
                .containsExactly("alertmanager:9093");

        Map<String, Object> services = asMap(compose.get("services"), "services");
        Map<String, Object> alertmanager = asMap(services.get("alertmanager"), "alertmanager");
        assertThat(list(alertmanager.get("ports"))).contains("9093:9093");
        assertThat(list(alertmanager.get("volumes")))
                .contains("./deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(list(asMap(services.get("prometheus"), "prometheus").get("volumes")))
                .contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat(root.resolve("deploy/alertmanager/alertmanager.yml")).isRegularFile();

        Map<String, Object> alertmanagerConfig = descriptors.loadYaml("deploy/alertmanager/alertmanager.yml");
        assertThat(get(alertmanagerConfig, "route", "receiver")).isEqualTo("webhook-receiver-placeholder");
        assertThat(list(alertmanagerConfig.get("receivers")))
                .anySatisfy(receiver ->
                        assertThat(asMap(receiver, "receiver").get("name")).isEqualTo("webhook-receiver-placeholder"));
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSectionInTheDocs() {
        String docs = DeploymentDescriptors.read(root.resolve("docs/monitoring.md"));
        List<String> alerts = new ArrayList<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> document = new Yaml().load(DeploymentDescriptors.read(file));
            for (Object group : list(document.get("groups"))) {
                for (Object value : list(asMap(group, "group").get("rules"))) {
                    Map<String, Object> rule = asMap(value, "rule");
                    if (!rule.containsKey("alert")) {
                        continue;
                    }
                    String alert = String.valueOf(rule.get("alert"));
                    alerts.add(alert);
                    assertThat(String.valueOf(get(rule, "labels", "severity")))
                            .as(alert + " severity")
                            .isIn("critical", "warning", "info");
                    assertThat(String.valueOf(get(rule, "annotations", "summary")))
                            .as(alert + " summary")
                            .isNotBlank()
                            .isNotEqualTo("null");
                    String runbook = String.valueOf(get(rule, "annotations", "runbook"));
                    assertThat(runbook).as(alert + " runbook").isEqualTo("docs/monitoring.md#" + alert.toLowerCase());
                    assertThat(docs)
                            .as("docs/monitoring.md has a runbook heading for " + alert)
                            .containsPattern("(?m)^#### " + alert + "$");
                }
            }
        }
        assertThat(alerts)
                .contains(
                        "PeregrineServiceDown",
                        "PeregrineAvailabilityBudgetBurnFast",
                        "PeregrineHttpErrorRate",
                        "PeregrineConsumerErrorRate",
                        "PeregrineDeadLetters",
                        "PeregrineJvmHeapHigh",
                        "PeregrineIngestStale",
                        "PeregrineBreakerHalted",
                        "PeregrineKillSwitchOn",
                        "PeregrineStrategyAutoPaused",
                        "PeregrineReconciliationDifferences",
                        "PeregrineRiskLatencyBudgetBurn");
    }

    @Test
    void theNewDashboardsReadTheDataSourceOfTheirDatasourceVariable() {
        for (String name :
                List.of("peregrine-signal-quality.json", "peregrine-trading.json", "peregrine-pipeline.json")) {
            String dashboard = DeploymentDescriptors.read(
                    root.resolve("deploy/grafana/dashboards").resolve(name));
            assertThat(dashboard).as(name).contains("\"name\": \"datasource\"", "\"uid\": \"${datasource}\"");
            // No hard-coded data source: the only other uid is the dashboard's own.
            java.util.regex.Matcher uid =
                    java.util.regex.Pattern.compile("\"uid\": \"([^\"]*)\"").matcher(dashboard);
            List<String> others = new ArrayList<>();
            while (uid.find()) {
                if (!uid.group(1).equals("${datasource}")) {
                    others.add(uid.group(1));
                }
            }
            assertThat(others).as(name).containsExactly(name.replace(".json", ""));
        }
        assertThat(DeploymentDescriptors.read(root.resolve("deploy/grafana/dashboards/peregrine-signal-quality.json")))
                .contains("\"name\": \"strategy\"", "peregrine_monitor_auto_pauses_total");
        assertThat(DeploymentDescriptors.read(root.resolve("deploy/grafana/dashboards/peregrine-trading.json")))
                .contains("\"name\": \"strategy\"", "\"name\": \"symbol\"");
    }

    @Test
    void thePromqlParserFindsMetricNamesAndNothingElse() {
        assertThat(MonitoringMetricNames.namesIn(
                        "sum by (strategy, horizon) (increase(peregrine_monitor_outcomes_measured_total{strategy=~\"$strategy\", hit=\"true\"}[$__range]))"
                                + " / on (service) group_left (le) histogram_quantile(0.99, rate(x_seconds_bucket[5m] offset 1h))"
                                + " or vector(0) unless up{job=\"a b\"} > bool 1e3 and service:recorded:ratio_rate5m"))
                .containsExactlyInAnyOrder(
                        "peregrine_monitor_outcomes_measured_total",
                        "x_seconds_bucket",
                        "up",
                        "service:recorded:ratio_rate5m");
        assertThat(MonitoringMetricNames.usedNames(root))
                .containsKeys(
                        "peregrine_monitor_strategy_cusum",
                        "peregrine_risk_decision_latency_seconds_bucket",
                        "http_server_requests_seconds_count")
                .doesNotContainKeys(
                        "service:peregrine_http_server_errors:ratio_rate5m", "sum", "rate", "le", "strategy");
        assertThat(MonitoringMetricNames.declaredInSources(root, "peregrine_monitor_auto_pauses_total"))
                .isTrue();
        assertThat(MonitoringMetricNames.declaredInSources(root, "peregrine_execution_fill_latency_seconds_bucket"))
                .isTrue();
        assertThat(MonitoringMetricNames.declaredInSources(root, "peregrine_monitor_auto_pause_total"))
                .isFalse();
    }

    @Test
    void aMetricNameWithAWrongSuffixOrNoSampleIsMissingUnlessExempt() {
        java.util.Set<String> exported = MonitoringMetricNames.sampleNames("""
                # HELP peregrine_execution_fills_total Orders filled
                # TYPE peregrine_execution_fills_total counter
                peregrine_execution_fills_total{purpose="ENTRY",service="execution-service",symbol="X"} 1.0
                # HELP peregrine_risk_equity Equity in the quote asset
                peregrine_risk_equity{service="risk-service"} 100.0
                peregrine_execution_fill_latency_seconds_count{service="execution-service"} 3
                # HELP peregrine_risk_drawdown Fraction below peak equity
                # TYPE peregrine_risk_drawdown gauge
                """);
        Map<String, java.util.Set<String>> used = Map.of(
                "peregrine_execution_fills_total", java.util.Set.of("a"),
                "peregrine_risk_equity_total", java.util.Set.of("a gauge queried as a counter"),
                "peregrine_execution_fill_latency_seconds_bucket", java.util.Set.of("only the count is exported"),
                "peregrine_risk_drawdown", java.util.Set.of("a HELP line alone is no sample"),
                "up", java.util.Set.of("made by Prometheus"),
                "peregrine_monitor_auto_pauses_total", java.util.Set.of("registered on its first event"));

        assertThat(MonitoringMetricNames.missing(used, exported))
                .containsOnlyKeys(
                        "peregrine_risk_equity_total",
                        "peregrine_execution_fill_latency_seconds_bucket",
                        "peregrine_risk_drawdown");
    }

    private static List<Path> ruleFiles() {
        try (Stream<Path> files = Files.list(root.resolve("deploy/prometheus/rules"))) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
