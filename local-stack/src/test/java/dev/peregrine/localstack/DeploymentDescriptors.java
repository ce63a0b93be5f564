package dev.peregrine.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the deployment descriptors (docker-compose.yml, the Prometheus configuration, the k8s manifests,
 * the Dockerfiles) and compares them with what the code configures: each service's
 * {@code <module>.yml} and the shared {@code peregrine-defaults.yml}. Every check returns a list of
 * problems rather than failing at the first, so one run shows all the drift; an empty list means
 * consistent. The checks take parsed YAML, so a test can hand them a deliberately broken copy.
 */
final class DeploymentDescriptors {

    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String PROMETHEUS_FILE = "deploy/prometheus/prometheus.yml";
    static final String DEFAULTS_FILE = "platform/src/main/resources/peregrine-defaults.yml";
    static final String METRICS_PATH = "/actuator/prometheus";
    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET).*");

    private final Path root;
    private final Map<String, ModuleConfig> modules = new HashMap<>();
    private final Set<String> defaultPlaceholders;

    /** What a service module configures: its default ports and the environment variables its yml reads. */
    record ModuleConfig(String module, int apiPort, int managementPort, Set<String> placeholders) {}

    DeploymentDescriptors(Path root) {
        this.root = root;
        this.defaultPlaceholders =
                placeholders(read(root.resolve(DEFAULTS_FILE))).keySet();
    }

    /** The repository root: the nearest directory above the working directory that holds docker-compose.yml. */
    static Path findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(COMPOSE_FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no " + COMPOSE_FILE + " above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    Path root() {
        return root;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Map<String, Object> loadYaml(String relativePath) {
        return asMap(new Yaml().load(read(root.resolve(relativePath))), relativePath);
    }

    List<Map<String, Object>> loadYamlDocuments(String relativePath) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(root.resolve(relativePath)))) {
            if (document != null) {
                documents.add(asMap(document, relativePath));
            }
        }
        return documents;
    }

    /** The module's configuration, or null when the directory is not a service module with its own yml. */
    ModuleConfig module(String module) {
        return modules.computeIfAbsent(module, name -> {
            Path yml = root.resolve(name).resolve("src/main/resources").resolve(name + ".yml");
            if (!Files.isRegularFile(yml)) {
                return null;
            }
            Map<String, Object> config = asMap(new Yaml().load(read(yml)), yml.toString());
            return new ModuleConfig(
                    name,
                    defaultPort(get(config, "server", "port"), yml + " server.port"),
                    defaultPort(get(config, "management", "server", "port"), yml + " management.server.port"),
                    placeholders(read(yml)).keySet());
        });
    }

    // ---------------------------------------------------------------- docker compose

    List<String> checkCompose(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = asMap(compose.get("services"), "services");
        Set<String> rootModules = rootPomModules();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = asMap(entry.getValue(), name);
            problems.addAll(checkDependsOn(name, service, services.keySet()));
            problems.addAll(checkSecretsComeFromTheHost(name, service));
            if (!service.containsKey("build")) {
                continue;
            }
            ImageBuild build = ImageBuild.of(service.get("build"));
            String module = build.module();
            Path moduleDir = root.resolve(module).normalize();
            String moduleName = moduleDir.getFileName().toString();
            if (!Files.isRegularFile(moduleDir.resolve("pom.xml"))) {
                problems.add(name + ": built from " + module + ", which has no pom.xml");
            }
            if (!rootModules.contains(moduleName)) {
                problems.add(name + ": built from " + module + ", which is not a module of the root pom.xml");
            }
            Path dockerfile =
                    root.resolve(build.context()).resolve(build.dockerfile()).normalize();
            if (!Files.isRegularFile(dockerfile)) {
                problems.add(name + ": built from " + module + " with " + root.relativize(dockerfile)
                        + ", which does not exist");
            }
            ModuleConfig config = module(moduleName);
            if (config == null) {
                problems.add(name + ": " + moduleName + " has no src/main/resources/" + moduleName + ".yml");
                continue;
            }
            problems.addAll(checkComposePorts(name, service, config));
            problems.addAll(checkEnvironmentNames(
                    name, environment(service.get("environment")).keySet(), config));
            problems.addAll(checkDockerfile(name, dockerfile, build.args(), config));
        }
        return problems;
    }

    private List<String> checkComposePorts(String name, Map<String, Object> service, ModuleConfig config) {
        List<String> problems = new ArrayList<>();
        Set<Integer> published = new TreeSet<>();
        for (Object port : list(service.get("ports"))) {
            String[] parts = String.valueOf(port).split(":");
            int container = Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", ""));
            int host = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : container;
            if (host != container) {
                problems.add(name + ": publishes container port " + container + " on host port " + host
                        + "; the suite's fixed ports are the same inside and out");
            }
            published.add(container);
        }
        // Only the API goes to the host: health and metrics stay on the compose network, where Prometheus scrapes them.
        if (!published.equals(Set.of(config.apiPort()))) {
            problems.add(name + ": publishes ports " + published + " but should publish only its API port "
                    + config.apiPort() + " (" + config.module() + ".yml; the management port " + config.managementPort()
                    + " stays on the compose network)");
        }
        Map<String, String> env = environment(service.get("environment"));
        String prefix = "PEREGRINE_" + serviceKey(config.module());
        checkPortVariable(name, env.get(prefix + "_PORT"), prefix + "_PORT", config.apiPort(), problems);
        checkPortVariable(
                name,
                env.get(prefix + "_MANAGEMENT_PORT"),
                prefix + "_MANAGEMENT_PORT",
                config.managementPort(),
                problems);
        return problems;
    }

    private static void checkPortVariable(
            String name, String value, String variable, int expected, List<String> problems) {
        if (value != null && !value.equals(String.valueOf(expected))) {
            problems.add(name + ": " + variable + "=" + value + " differs from the default " + expected);
        }
    }

    private List<String> checkEnvironmentNames(String name, Set<String> variables, ModuleConfig config) {
        List<String> problems = new ArrayList<>();
        for (String variable : variables) {
            if ((variable.startsWith("PEREGRINE_") || variable.startsWith("SPRING_"))
                    && !config.placeholders().contains(variable)
                    && !defaultPlaceholders.contains(variable)) {
                problems.add(name + ": sets " + variable + ", which neither " + config.module() + ".yml nor "
                        + "peregrine-defaults.yml reads (no ${" + variable + "} placeholder)");
            }
        }
        return problems;
    }

    private static List<String> checkDependsOn(String name, Map<String, Object> service, Set<String> services) {
        List<String> problems = new ArrayList<>();
        Object dependsOn = service.get("depends_on");
        List<String> targets = new ArrayList<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.keySet().forEach(key -> targets.add(String.valueOf(key)));
        } else {
            list(dependsOn).forEach(target -> targets.add(String.valueOf(target)));
        }
        for (String target : targets) {
            if (!services.contains(target)) {
                problems.add(name + ": depends on " + target + ", which is not a compose service");
            }
        }
        return problems;
    }

    private static List<String> checkSecretsComeFromTheHost(String name, Map<String, Object> service) {
        List<String> problems = new ArrayList<>();
        environment(service.get("environment")).forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches() && !value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}")) {
                problems.add(
                        name + ": " + variable + " must come from the host environment as ${HOST_VARIABLE:?message}, "
                                + "not be written in the file");
            }
        });
        return problems;
    }

    /**
     * The image recipe: the one parameterised Dockerfile must copy this service's jar, expose its two ports, run as the
     * non-root user and start from a base image pinned to an exact release (or a digest), never a moving tag.
     */
    private List<String> checkDockerfile(String name, Path dockerfile, Map<String, String> args, ModuleConfig config) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(dockerfile)) {
            return problems;
        }
        String file = root.relativize(dockerfile).toString();
        String text = read(dockerfile);
        Map<String, String> values = new HashMap<>(argDefaults(text));
        values.putAll(args);
        if (!config.module().equals(values.get("SERVICE")) && text.contains("${SERVICE}")) {
            problems.add(name + ": build arg SERVICE=" + values.get("SERVICE") + ", expected " + config.module());
        }
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+\\.jar) ").matcher(text);
        String jar = config.module() + "/target/" + config.module() + "-0.1.0-SNAPSHOT-exec.jar";
        String relativeJar = "target/" + config.module() + "-0.1.0-SNAPSHOT-exec.jar";
        String copied = copy.find() ? substitute(copy.group(1), values) : "nothing";
        if (!copied.equals(jar) && !copied.equals(relativeJar)) {
            problems.add(name + ": " + file + " copies " + copied + ", expected " + jar);
        }
        Matcher expose = Pattern.compile("(?m)^EXPOSE (.+)$").matcher(text);
        Set<String> exposed = new TreeSet<>();
        while (expose.find()) {
            for (String port : substitute(expose.group(1).trim(), values).split("\\s+")) {
                exposed.add(port.replaceAll("/.*", ""));
            }
        }
        Set<String> expected =
                new TreeSet<>(List.of(String.valueOf(config.apiPort()), String.valueOf(config.managementPort())));
        if (!exposed.equals(expected)) {
            problems.add(name + ": " + file + " exposes " + exposed + ", expected " + config.apiPort() + " and "
                    + config.managementPort());
        }
        if (!Pattern.compile("(?m)^USER 10001$").matcher(text).find()) {
            problems.add(name + ": " + file + " does not run as the non-root user 10001");
        }
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(text);
        while (from.find()) {
            String image = substitute(from.group(1), values);
            if (!PINNED_IMAGE.matcher(image).matches()) {
                problems.add(name + ": " + file + " starts from " + image
                        + ", a moving tag; pin an exact release (e.g. eclipse-temurin:25.0.3_9-jre-noble) or a digest");
            }
        }
        return problems;
    }

    /** An exact release tag (major.minor.patch...) or a digest. */
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("[^:@\\s]+(?::\\d+\\.\\d+\\.\\d+\\S*|(?::[^@\\s]+)?@sha256:[0-9a-f]{64})");

    private static Map<String, String> argDefaults(String dockerfile) {
        Map<String, String> defaults = new HashMap<>();
        Matcher arg = Pattern.compile("(?m)^ARG ([A-Z_]+)=(\\S+)$").matcher(dockerfile);
        while (arg.find()) {
            defaults.put(arg.group(1), arg.group(2));
        }
        return defaults;
    }

    private static String substitute(String text, Map<String, String> values) {
        Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(
                    out, Matcher.quoteReplacement(values.getOrDefault(variable.group(1), variable.group())));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** A compose service's {@code build:}, in its short form (a directory with a Dockerfile) or its long form. */
    record ImageBuild(String context, String dockerfile, Map<String, String> args) {

        static ImageBuild of(Object build) {
            if (build instanceof Map<?, ?> map) {
                Map<String, String> args = new LinkedHashMap<>();
                if (map.get("args") instanceof Map<?, ?> given) {
                    given.forEach((key, value) -> args.put(String.valueOf(key), String.valueOf(value)));
                }
                Object dockerfile = map.get("dockerfile");
                return new ImageBuild(
                        String.valueOf(map.get("context")),
                        dockerfile == null ? "Dockerfile" : String.valueOf(dockerfile),
                        args);
            }
            return new ImageBuild(String.valueOf(build), "Dockerfile", Map.of());
        }

        /** The service module the image is built from: the SERVICE build arg, or the context directory. */
        String module() {
            return args.getOrDefault("SERVICE", context);
        }
    }

    // ---------------------------------------------------------------- prometheus

    List<String> checkPrometheus(Map<String, Object> prometheus, Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        asMap(compose.get("services"), "services").forEach((name, value) -> {
            Map<String, Object> service = asMap(value, name);
            if (service.containsKey("build")) {
                ModuleConfig config =
                        module(Path.of(ImageBuild.of(service.get("build")).module())
                                .normalize()
                                .getFileName()
                                .toString());
                if (config != null) {
                    expected.put(name, config.managementPort());
                }
            }
        });
        Map<String, Integer> scraped = new LinkedHashMap<>();
        for (Object job : list(prometheus.get("scrape_configs"))) {
            Map<String, Object> scrape = asMap(job, "scrape_configs[]");
            String path = String.valueOf(scrape.getOrDefault("metrics_path", "/metrics"));
            for (Object staticConfig : list(scrape.get("static_configs"))) {
                for (Object target :
                        list(asMap(staticConfig, "static_configs[]").get("targets"))) {
                    String[] hostPort = String.valueOf(target).split(":");
                    scraped.put(hostPort[0], Integer.parseInt(hostPort[1]));
                    if (expected.containsKey(hostPort[0]) && !path.equals(METRICS_PATH)) {
                        problems.add("prometheus: scrapes " + target + " on " + path + " instead of " + METRICS_PATH);
                    }
                }
            }
        }
        expected.forEach((service, port) -> {
            if (!Objects.equals(scraped.get(service), port)) {
                problems.add("prometheus: should scrape " + service + ":" + port + " but "
                        + (scraped.containsKey(service)
                                ? "scrapes port " + scraped.get(service)
                                : "does not scrape it"));
            }
        });
        scraped.keySet().stream()
                .filter(host -> !expected.containsKey(host))
                .forEach(host ->
                        problems.add("prometheus: scrapes " + host + ", which is no service built from a module"));
        return problems;
    }

    // ---------------------------------------------------------------- kubernetes

    /** All k8s documents, by file, as kustomization.yaml lists them. */
    Map<String, List<Map<String, Object>>> loadKubernetes() {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        for (Object resource : list(loadYaml("k8s/base/kustomization.yaml").get("resources"))) {
            files.put(String.valueOf(resource), loadYamlDocuments("k8s/base/" + resource));
        }
        return files;
    }

    List<String> checkKubernetesFiles(Map<String, List<Map<String, Object>>> manifests) {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("k8s/base"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml") || file.endsWith(".yml"))
                    .filter(file -> !file.equals("kustomization.yaml"))
                    .filter(file -> !manifests.containsKey(file))
                    .forEach(
                            file -> problems.add("k8s/base/" + file + " is not listed in k8s/base/kustomization.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    List<String> checkKubernetes(Map<String, List<Map<String, Object>>> manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> configMapKeys = new HashMap<>();
        List<Map<String, Object>> deployments = new ArrayList<>();
        Map<String, Map<String, Object>> kubeServices = new HashMap<>();
        manifests.forEach((file, documents) -> documents.forEach(document -> {
            String kind = String.valueOf(document.get("kind"));
            String name = String.valueOf(get(document, "metadata", "name"));
            switch (kind) {
                case "ConfigMap" ->
                    configMapKeys.put(
                            name,
                            asMap(document.getOrDefault("data", Map.of()), name).keySet());
                case "Deployment" -> deployments.add(document);
                case "Service" -> kubeServices.put(name, document);
                case "Secret" ->
                    problems.add("k8s/" + file + ": holds a Secret; secrets are created with kubectl, never committed");
                default -> {}
            }
        }));
        Set<String> deployed = new TreeSet<>();
        for (Map<String, Object> deployment : deployments) {
            String name = String.valueOf(get(deployment, "metadata", "name"));
            deployed.add(name);
            problems.addAll(checkDeployment(name, deployment, configMapKeys));
            ModuleConfig config = module(name);
            Map<String, Object> service = kubeServices.get(name);
            if (config != null && service == null) {
                problems.add("k8s " + name + ": no Service exposes its API");
            } else if (config != null) {
                Set<Integer> ports = new TreeSet<>();
                list(get(service, "spec", "ports"))
                        .forEach(port -> ports.add(toInt(asMap(port, name).get("port"))));
                if (!ports.equals(Set.of(config.apiPort(), config.managementPort()))) {
                    problems.add("k8s Service " + name + ": exposes " + ports + ", expected the API port "
                            + config.apiPort() + " and the management port " + config.managementPort());
                }
            }
        }
        for (String module :
                List.of("ingest-service", "signal-service", "risk-service", "execution-service", "monitor-service")) {
            if (!deployed.contains(module)) {
                problems.add("k8s: no Deployment for " + module);
            }
        }
        return problems;
    }

    private List<String> checkDeployment(
            String name, Map<String, Object> deployment, Map<String, Set<String>> configMapKeys) {
        List<String> problems = new ArrayList<>();
        String where = "k8s Deployment " + name;
        ModuleConfig config = module(name);
        if (config == null) {
            problems.add(where + ": no module " + name + " with src/main/resources/" + name + ".yml");
            return problems;
        }
        Map<String, Object> template = asMap(get(deployment, "spec", "template"), where);
        Map<String, Object> podSpec = asMap(template.get("spec"), where);
        List<Object> containers = list(podSpec.get("containers"));
        if (containers.size() != 1) {
            problems.add(where + ": expected one container, found " + containers.size());
            return problems;
        }
        Map<String, Object> container = asMap(containers.get(0), where);

        Map<String, Integer> namedPorts = new HashMap<>();
        Set<Integer> containerPorts = new TreeSet<>();
        for (Object port : list(container.get("ports"))) {
            Map<String, Object> p = asMap(port, where);
            int number = toInt(p.get("containerPort"));
            containerPorts.add(number);
            if (p.get("name") != null) {
                namedPorts.put(String.valueOf(p.get("name")), number);
            }
        }
        if (!containerPorts.equals(new TreeSet<>(List.of(config.apiPort(), config.managementPort())))) {
            problems.add(where + ": container ports " + containerPorts + ", expected API " + config.apiPort()
                    + " and management " + config.managementPort());
        }

        Set<String> variables = new TreeSet<>();
        Map<String, String> values = new HashMap<>();
        for (Object env : list(container.get("env"))) {
            Map<String, Object> e = asMap(env, where);
            variables.add(String.valueOf(e.get("name")));
            if (e.get("value") != null) {
                values.put(String.valueOf(e.get("name")), String.valueOf(e.get("value")));
            }
        }
        boolean secretRef = false;
        for (Object source : list(container.get("envFrom"))) {
            Map<String, Object> s = asMap(source, where);
            if (s.get("configMapRef") != null) {
                String configMap =
                        String.valueOf(asMap(s.get("configMapRef"), where).get("name"));
                Set<String> keys = configMapKeys.get(configMap);
                if (keys == null) {
                    problems.add(where + ": reads ConfigMap " + configMap + ", which the manifests do not define");
                } else {
                    variables.addAll(keys);
                }
            }
            secretRef |= s.get("secretRef") != null;
        }
        if (!secretRef) {
            problems.add(where + ": does not read its secrets from a Secret (envFrom secretRef)");
        }
        values.forEach((variable, value) -> {
            if (SECRET_NAME.matcher(variable).matches()) {
                problems.add(where + ": " + variable + " is written in the manifest; it belongs in the Secret");
            }
        });
        problems.addAll(checkEnvironmentNames(where, variables, config));
        String prefix = "PEREGRINE_" + serviceKey(name);
        checkPortVariable(where, values.get(prefix + "_PORT"), prefix + "_PORT", config.apiPort(), problems);
        checkPortVariable(
                where,
                values.get(prefix + "_MANAGEMENT_PORT"),
                prefix + "_MANAGEMENT_PORT",
                config.managementPort(),
                problems);

        problems.addAll(
                checkProbe(where, "livenessProbe", container, LIVENESS_PATH, config.managementPort(), namedPorts));
        problems.addAll(
                checkProbe(where, "readinessProbe", container, READINESS_PATH, config.managementPort(), namedPorts));

        Map<String, Object> annotations = asMap(
                get(template, "metadata", "annotations") == null ? Map.of() : get(template, "metadata", "annotations"),
                where);
        if (!"true".equals(String.valueOf(annotations.get("prometheus.io/scrape")))
                || !String.valueOf(config.managementPort())
                        .equals(String.valueOf(annotations.get("prometheus.io/port")))
                || !METRICS_PATH.equals(String.valueOf(annotations.get("prometheus.io/path")))) {
            problems.add(where + ": prometheus.io annotations must scrape " + METRICS_PATH + " on port "
                    + config.managementPort());
        }

        Map<String, Object> podSecurity = asMap(podSpec.getOrDefault("securityContext", Map.of()), where);
        Map<String, Object> containerSecurity = asMap(container.getOrDefault("securityContext", Map.of()), where);
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))
                && !Boolean.TRUE.equals(containerSecurity.get("runAsNonRoot"))) {
            problems.add(where + ": does not set runAsNonRoot");
        }
        if (!Boolean.TRUE.equals(containerSecurity.get("readOnlyRootFilesystem"))) {
            problems.add(where + ": root file system is not read-only");
        }
        boolean tmp = list(container.get("volumeMounts")).stream()
                .anyMatch(mount -> "/tmp".equals(asMap(mount, where).get("mountPath")));
        if (!tmp) {
            problems.add(where + ": no writable /tmp mount (Tomcat needs one on a read-only root)");
        }
        if (container.get("resources") == null) {
            problems.add(where + ": no resource requests or limits");
        }
        return problems;
    }

    private static List<String> checkProbe(
            String where,
            String probeName,
            Map<String, Object> container,
            String path,
            int port,
            Map<String, Integer> namedPorts) {
        Object probe = container.get(probeName);
        if (probe == null) {
            return List.of(where + ": no " + probeName);
        }
        Map<String, Object> httpGet = asMap(asMap(probe, where).get("httpGet"), where + " " + probeName);
        Object probePort = httpGet.get("port");
        Integer resolved = probePort instanceof Integer number ? number : namedPorts.get(String.valueOf(probePort));
        List<String> problems = new ArrayList<>();
        if (!path.equals(httpGet.get("path"))) {
            problems.add(where + ": " + probeName + " probes " + httpGet.get("path") + ", expected " + path);
        }
        if (!Objects.equals(resolved, port)) {
            problems.add(
                    where + ": " + probeName + " probes port " + probePort + ", expected the management port " + port);
        }
        return problems;
    }

    // ---------------------------------------------------------------- helpers

    private Set<String> rootPomModules() {
        Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        Set<String> modules = new TreeSet<>();
        while (matcher.find()) {
            modules.add(matcher.group(1).trim());
        }
        return modules;
    }

    /** Placeholder names in a yml text, with their defaults ({@code null} when there is none). */
    static Map<String, String> placeholders(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    private static int defaultPort(Object value, String where) {
        String text = String.valueOf(value);
        Map<String, String> placeholders = placeholders(text);
        String port =
                placeholders.isEmpty() ? text : placeholders.values().iterator().next();
        if (port == null || !port.matches("\\d+")) {
            throw new IllegalStateException(where + " has no numeric default: " + text);
        }
        return Integer.parseInt(port);
    }

    /** "ingest-service" → "INGEST", as in PEREGRINE_INGEST_PORT. */
    static String serviceKey(String module) {
        return module.replaceAll("-service$", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    static Map<String, String> environment(Object environment) {
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                env.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return env;
    }

    static Object get(Map<String, Object> map, String... path) {
        Object current = map;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException(where + ": expected a mapping, found " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static int toInt(Object value) {
        return value instanceof Integer number ? number : Integer.parseInt(String.valueOf(value));
    }
}
