package dev.peregrine.localstack;

import dev.peregrine.common.SecuredBrokerSettings;
import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import dev.peregrine.platform.kafka.KafkaAcls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) inside this JVM, whose log
 * directory survives restarts. The directory is formatted once, on the first start; later starts read the
 * cluster id the formatter stored in {@code meta.properties}, so topics, records and committed offsets are
 * all still there.
 *
 * <p>Clients authenticate with SASL/PLAIN (both listeners, also the controller's) and the broker authorizes with
 * Kafka's {@code StandardAuthorizer}: no ACL means refused. Each principal of {@link TopicAccess} is a user with its own
 * password ({@link KafkaCredentials}, in {@code <data>/kafka-credentials/}), plus {@value KafkaCredentials#ADMIN}, the
 * only super user, as which the stack itself creates every topic of {@link Topics} (with its dead-letter twin) and the
 * ACLs of {@link TopicAccess} ({@link KafkaAcls}) on each start; ACLs the table no longer lists are deleted.
 */
public final class PersistentKafka implements AutoCloseable {

    public static final int DEFAULT_BROKER_PORT = 19092;
    public static final int DEFAULT_CONTROLLER_PORT = 19093;

    private static final Logger log = LoggerFactory.getLogger(PersistentKafka.class);
    /** As many as the services declare ({@code peregrine.kafka.partitions}, default 3): they find their topics as they want them. */
    static final int PARTITIONS = 3;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Path logDir;
    private final KafkaCredentials credentials;
    private boolean stopped;

    private PersistentKafka(
            KafkaRaftServer server,
            String bootstrapServers,
            String clusterId,
            Path logDir,
            KafkaCredentials credentials) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.logDir = logDir;
        this.credentials = credentials;
    }

    /**
     * Starts Kafka with its data in {@code logDir} and its users' passwords in {@value KafkaCredentials#DIR_NAME} beside
     * it, returning once the broker answers on {@code brokerPort} and enforces the ACLs.
     */
    public static PersistentKafka start(Path logDir, int brokerPort, int controllerPort) {
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + dir, e);
        }
        KafkaCredentials credentials = KafkaCredentials.load(dir.resolveSibling(KafkaCredentials.DIR_NAME));
        String clusterId = formatIfNeeded(dir);
        Properties properties = brokerProperties(dir, brokerPort, controllerPort, credentials);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        String bootstrapServers = "127.0.0.1:" + brokerPort;
        PersistentKafka kafka = new PersistentKafka(server, bootstrapServers, clusterId, dir, credentials);
        try {
            server.startup();
            kafka.awaitReadyAndGrant();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info(
                "Kafka {} (cluster {}, SASL/PLAIN, ACLs of TopicAccess) started with data in {}, credentials in {}",
                bootstrapServers,
                clusterId,
                dir,
                credentials.dir());
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path logDir() {
        return logDir;
    }

    /** The users of this broker and where their passwords are. */
    KafkaCredentials credentials() {
        return credentials;
    }

    /** Client properties (producer, consumer or admin) that authenticate as {@code user}. */
    Map<String, Object> clientProperties(String user) {
        return credentials.clientProperties(bootstrapServers, user);
    }

    /** Controlled shutdown: the broker hands over cleanly and flushes its logs before the controller stops. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka {} stopped", bootstrapServers);
    }

    /**
     * Formats the directory unless the formatter already did, and returns the cluster id. Formatting an
     * already formatted directory with a new random id would fail verification, and wiping it would lose
     * data, so the stored meta.properties decides.
     */
    static String formatIfNeeded(Path dir) {
        MetaPropertiesEnsemble ensemble;
        try {
            ensemble = new MetaPropertiesEnsemble.Loader()
                    .addLogDirs(List.of(dir.toString()))
                    .load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka's meta.properties in " + dir, e);
        }
        if (!ensemble.logDirProps().isEmpty()) {
            return ensemble.clusterId()
                    .orElseThrow(() -> new IllegalStateException(
                            dir + "/meta.properties has no cluster.id; move the directory away to start afresh"));
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(SecuredBrokerSettings.NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(SecuredBrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
        output.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.debug("[format] {}", line));
        log.info("Formatted the Kafka log directory {} for new cluster {}", dir, clusterId);
        return clusterId;
    }

    static Properties brokerProperties(Path dir, int brokerPort, int controllerPort, KafkaCredentials credentials) {
        Properties properties = new Properties();
        properties.putAll(
                SecuredBrokerSettings.brokerProperties(dir, brokerPort, controllerPort, credentials.passwords()));
        properties.putAll(Map.of(
                // The local stack's data dirs have always been made with 5 internal partitions (the test broker's 3
                // start faster); it stays 5 so that an existing data dir and a new one are alike.
                "offsets.topic.num.partitions", "5",
                "transaction.state.log.num.partitions", "5",
                // Replayed candles carry timestamps from years ago; time-based retention would delete them at once.
                "log.retention.ms", "-1",
                "log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE)));
        return properties;
    }

    /** Waits for the broker, then creates the missing topics and makes the ACLs those of the table, as the admin. */
    private void awaitReadyAndGrant() {
        Map<String, Object> adminProperties = new HashMap<>(clientProperties(KafkaCredentials.ADMIN));
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminProperties)) {
            awaitBroker(admin, deadline);
            createTopics(admin);
            grant(admin, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up Kafka", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "cannot set up the topics and ACLs of Kafka on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private void awaitBroker(Admin admin, long deadline) throws InterruptedException {
        while (true) {
            try {
                if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                        .nodes()
                        .get(10, TimeUnit.SECONDS)
                        .isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka on " + bootstrapServers + " did not become ready within " + READY_TIMEOUT.toSeconds()
                                    + " s",
                            e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka on " + bootstrapServers + " reports no broker after "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** Every topic and its dead-letter twin; those a previous run created stay as they are. */
    private static void createTopics(Admin admin)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (String name : List.of(topic, Topics.deadLetterOf(topic))) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, PARTITIONS, (short) 1));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        log.info("Created {} Kafka topics", missing.size());
    }

    /** Adds the table's ACLs, deletes any other, and waits until the authorizer lists exactly them. */
    private void grant(Admin admin, long deadline)
            throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        Set<AclBinding> wanted = new HashSet<>(KafkaAcls.bindings());
        List<AclBinding> stale = admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).stream()
                .filter(binding -> !wanted.contains(binding))
                .toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            log.info("Deleted {} Kafka ACLs the table no longer lists", stale.size());
        }
        admin.createAcls(List.copyOf(wanted)).all().get(30, TimeUnit.SECONDS);
        // The broker answers describeAcls from its authorizer: once it lists exactly them, they are enforced.
        while (!new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
                .equals(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka on " + bootstrapServers + " did not apply its ACLs within "
                        + READY_TIMEOUT.toSeconds() + " s");
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
