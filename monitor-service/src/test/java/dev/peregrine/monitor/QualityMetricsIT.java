package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.monitor.application.quality.metrics.RefreshQualityMetrics;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.ServiceApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality gauges over measured rows in PostgreSQL, as Prometheus scrapes them: the same numbers as
 * {@code GET /api/v1/quality} over the lookback, and every quality metric the Grafana dashboards query exported.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class QualityMetricsIT {

    private static final Pattern QUALITY_METRIC = Pattern.compile("peregrine_monitor_quality_[a-z_]+");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RefreshQualityMetrics refresh;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void gaugesCarryTheQualityEndpointsFiguresOverTheLookback() throws Exception {
        String strategy = "gauge-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        for (int i = 0; i < 10; i++) {
            insert(strategy, i < 7 ? "0.01" : "-0.01", start.plusSeconds(900L * i));
        }
        // Older than the 30-day lookback: in the table, not in the gauges.
        insert(strategy, "-0.5", Instant.now().minus(Duration.ofDays(40)));

        refresh.refresh();

        String scrape = ServiceApi.at(managementPort).asViewer().getOk("/actuator/prometheus");
        String labels = "strategy=\"" + strategy + "\"";
        assertThat(sample(scrape, "peregrine_monitor_quality_sample_size", labels))
                .isEqualTo(10);
        assertThat(sample(scrape, "peregrine_monitor_quality_hit_rate", labels)).isEqualTo(0.7);
        assertThat(sample(scrape, "peregrine_monitor_quality_hit_rate_lower", labels))
                .isCloseTo(0.39678, within(1e-5));
        assertThat(sample(scrape, "peregrine_monitor_quality_expectancy", labels))
                .isCloseTo(0.004, within(1e-12));

        JsonNode rest = json.readTree(ServiceApi.at(port)
                .asViewer()
                .getOk("/api/v1/quality?strategy=" + strategy + "&horizon=4h&from="
                        + Instant.now().minus(Duration.ofDays(30))));
        JsonNode overall = rest.get("overall");
        assertThat(sample(scrape, "peregrine_monitor_quality_hit_rate_upper", labels))
                .isEqualTo(overall.get("hitRate").get("upper").asDouble());
        assertThat(sample(scrape, "peregrine_monitor_quality_expectancy", labels))
                .isEqualTo(overall.get("expectancy").asDouble());
        assertThat(sample(scrape, "peregrine_monitor_quality_brier_skill", labels))
                .isEqualTo(rest.get("brier").get("skillScore").asDouble());
        assertThat(sample(scrape, "peregrine_monitor_quality_grade_sample_size", "grade=\"B\""))
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyQualityMetricTheDashboardsQueryIsExported() throws Exception {
        insert(
                "dashboard-" + UUID.randomUUID().toString().substring(0, 8),
                "0.01",
                Instant.now().minusSeconds(86_400));
        refresh.refresh();

        Set<String> used = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(repositoryRoot().resolve("deploy/grafana/dashboards"))) {
            for (Path dashboard :
                    dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                Matcher names = QUALITY_METRIC.matcher(Files.readString(dashboard));
                while (names.find()) {
                    used.add(names.group());
                }
            }
        }
        assertThat(used)
                .as("quality metrics the dashboards query")
                .contains(
                        "peregrine_monitor_quality_hit_rate",
                        "peregrine_monitor_quality_expectancy",
                        "peregrine_monitor_quality_brier_skill",
                        "peregrine_monitor_quality_calibration_gap",
                        "peregrine_monitor_quality_sample_size");

        Set<String> exported = new TreeSet<>();
        ServiceApi.at(managementPort)
                .asViewer()
                .getOk("/actuator/prometheus")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> exported.add(line.split("[{ ]", 2)[0]));
        assertThat(exported).as("sample names of the monitor's scrape").containsAll(used);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/grafana/dashboards"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory with deploy/grafana/dashboards").isNotNull();
        return dir;
    }

    /** The one sample of {@code name} at 4 h whose labels contain {@code labels}. */
    private static double sample(String scrape, String name, String labels) {
        return scrape.lines()
                .filter(line ->
                        line.startsWith(name + "{") && line.contains(labels) && line.contains("horizon=\"PT4H\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one sample of " + name + " with " + labels);
                })
                .orElseThrow(() -> new AssertionError("no sample of " + name + " with " + labels));
    }

    private void insert(String strategy, String netReturn, Instant close) {
        new MeasuredOutcomeRows(jdbc).insert(strategy, netReturn, close, 14_400);
    }
}
