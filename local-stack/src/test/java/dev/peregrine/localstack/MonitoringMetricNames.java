package dev.peregrine.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names the Grafana dashboards ({@code deploy/grafana/dashboards/*.json}) and the Prometheus rules
 * ({@code deploy/prometheus/rules/*.yml}) query, parsed out of their PromQL, and the checks that they exist.
 *
 * <p>Names are taken as Prometheus exposes them ({@code peregrine_execution_fills_total},
 * {@code ..._seconds_bucket}); they are compared with the sample names of a scrape, so a wrong suffix
 * ({@code _total} on a gauge, {@code _bucket} on a timer without a histogram) is caught as well as a wrong name.
 */
final class MonitoringMetricNames {

    /**
     * Series Prometheus makes itself: they are in no service's scrape output.
     */
    static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

    /**
     * Metrics the dashboards and rules use although no service exports them yet. Each is documented as pending
     * in docs/monitoring.md ("Dashboards and alerting rules"); remove a name here when its metric is built.
     */
    static final Set<String> NOT_YET_BUILT = Set.of();

    /**
     * Counters registered on their first event (Micrometer registers a counter with labels when it is first
     * incremented, and nothing, not even a {@code # HELP} line, is exported before that). The walking skeleton's
     * short replay does not produce these events: no strategy degrades, and the broker acknowledges every publish. Such a name must still be declared by a {@code *.builder("...")} call in some
     * module's {@code src/main/java}, which {@link #declaredInSources} checks, so a typo cannot hide here.
     */
    static final Set<String> REGISTERED_ON_FIRST_EVENT = Set.of(
            "peregrine_monitor_auto_pauses_total",
            // The overview's "Limits hit and exits" panel: the replay's position is still open when it ends.
            "peregrine_risk_exits_total",
            // Counted only when the broker does not acknowledge a publish.
            "peregrine_kafka_publish_failures_total");

    /**
     * Gauges risk-service exports per symbol and group while something is held there, and removes once nothing is
     * (so the gauges stay as many as the holdings). At the end of a speed-0 replay the position may or may not still
     * be open (whether its exit came before the last candle depends on how the candle and signal topics interleave
     * at risk), so these are required only while risk's gross exposure is above zero.
     */
    static final Set<String> PRESENT_WHILE_HELD = Set.of("peregrine_risk_exposure", "peregrine_risk_group_exposure");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "inf",
            "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*(?![\\w(])(?!\\s*\\()");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
    private static final Pattern BUILDER =
            Pattern.compile("(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9.]+)\"");
    private static final Pattern SUFFIX = Pattern.compile("(_bucket|_count|_sum|_max|_total|_created)$");

    private MonitoringMetricNames() {}

    /** The metric names in one PromQL expression (functions, keywords, labels, ranges and variables stripped). */
    static Set<String> namesIn(String promql) {
        String text = GRAFANA_VARIABLE
                .matcher(STRING.matcher(promql).replaceAll("\"\""))
                .replaceAll(" ");
        String previous;
        do {
            previous = text;
            text = LABEL_MATCHERS.matcher(text).replaceAll(" ");
        } while (!text.equals(previous));
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** Metric name to the places (file: panel or rule) that use it, over every dashboard and rule file. */
    static Map<String, Set<String>> usedNames(Path root) {
        Map<String, Set<String>> used = new TreeMap<>();
        Set<String> recorded = new TreeSet<>();
        for (Path rules : files(root.resolve("deploy/prometheus/rules"), ".yml")) {
            Map<String, Object> document = new Yaml().load(DeploymentDescriptors.read(rules));
            for (Object group : DeploymentDescriptors.list(document.get("groups"))) {
                for (Object value : DeploymentDescriptors.list(
                        DeploymentDescriptors.asMap(group, "group").get("rules"))) {
                    Map<String, Object> rule = DeploymentDescriptors.asMap(value, "rule");
                    String where = root.relativize(rules) + ": " + rule.getOrDefault("alert", rule.get("record"));
                    if (rule.containsKey("record")) {
                        recorded.add(String.valueOf(rule.get("record")));
                    }
                    namesIn(String.valueOf(rule.get("expr")))
                            .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>())
                                    .add(where));
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (Path dashboard : files(root.resolve("deploy/grafana/dashboards"), ".json")) {
            JsonNode tree = json.readTree(DeploymentDescriptors.read(dashboard));
            List<JsonNode> exprs = new ArrayList<>();
            tree.findParents("expr").forEach(exprs::add);
            for (JsonNode parent : exprs) {
                String title = tree.path("title").asString();
                String where = root.relativize(dashboard) + " (" + title + "): "
                        + parent.path("refId").asString(parent.path("name").asString("?"));
                namesIn(parent.path("expr").asString())
                        .forEach(name ->
                                used.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
            }
            for (JsonNode variable : tree.path("templating").path("list")) {
                JsonNode query = variable.path("query");
                String text = query.isObject() ? query.path("query").asString() : query.asString();
                Matcher labelValues = LABEL_VALUES.matcher(text);
                while (labelValues.find()) {
                    used.computeIfAbsent(labelValues.group(1), n -> new TreeSet<>())
                            .add(root.relativize(dashboard) + ": variable "
                                    + variable.path("name").asString());
                }
            }
        }
        recorded.forEach(used::remove);
        return used;
    }

    /** The used names (with where they are used) that no scrape has and no exempt list names. */
    static Map<String, Set<String>> missing(Map<String, Set<String>> used, Set<String> exported) {
        return missing(used, exported, true);
    }

    /** {@link #missing(Map, Set)}, with {@link #PRESENT_WHILE_HELD} exempt when {@code somethingHeld} is false. */
    static Map<String, Set<String>> missing(
            Map<String, Set<String>> used, Set<String> exported, boolean somethingHeld) {
        Map<String, Set<String>> missing = new TreeMap<>();
        used.forEach((name, where) -> {
            if (!exported.contains(name)
                    && !MADE_BY_PROMETHEUS.contains(name)
                    && !NOT_YET_BUILT.contains(name)
                    && !REGISTERED_ON_FIRST_EVENT.contains(name)
                    && (somethingHeld || !PRESENT_WHILE_HELD.contains(name))) {
                missing.put(name, where);
            }
        });
        return missing;
    }

    /** The sample names of a Prometheus text exposition (comments skipped). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }

    /** True when a Micrometer builder in some module's {@code src/main/java} declares the metric. */
    static boolean declaredInSources(Path root, String prometheusName) {
        String base = SUFFIX.matcher(prometheusName).replaceAll("");
        Set<String> candidates = new TreeSet<>(List.of(base, base.replaceAll("_seconds$", "")));
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                for (Path source : files(module.resolve("src/main/java"), ".java")) {
                    Matcher builder = BUILDER.matcher(DeploymentDescriptors.read(source));
                    while (builder.find()) {
                        if (candidates.contains(builder.group(1).replace('.', '_'))) {
                            return true;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    private static List<Path> files(Path dir, String extension) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
