package dev.peregrine.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real single-node Kafka (KRaft, broker and controller in one process) inside this JVM, whose log
 * directory survives restarts. The directory is formatted once, on the first start; later starts read the
 * cluster id the formatter stored in {@code meta.properties}, so topics, records and committed offsets are
 * all still there.
 */
public final class PersistentKafka implements AutoCloseable {

    public static final int DEFAULT_BROKER_PORT = 19092;
    public static final int DEFAULT_CONTROLLER_PORT = 19093;

    private static final Logger log = LoggerFactory.getLogger(PersistentKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Path logDir;
    private boolean stopped;

    private PersistentKafka(KafkaRaftServer server, String bootstrapServers, String clusterId, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.logDir = logDir;
    }

    /** Starts Kafka with its data in {@code logDir}, returning once the broker answers on {@code brokerPort}. */
    public static PersistentKafka start(Path logDir, int brokerPort, int controllerPort) {
        Path dir = logDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory " + dir, e);
        }
        String clusterId = formatIfNeeded(dir);
        Properties properties = brokerProperties(dir, brokerPort, controllerPort);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        String bootstrapServers = "127.0.0.1:" + brokerPort;
        PersistentKafka kafka = new PersistentKafka(server, bootstrapServers, clusterId, dir);
        try {
            server.startup();
            kafka.awaitBrokerReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Kafka {} (cluster {}) started with data in {}", bootstrapServers, clusterId, dir);
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
            ensemble = new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(dir.toString())).load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka's meta.properties in " + dir, e);
        }
        if (!ensemble.logDirProps().isEmpty()) {
            return ensemble.clusterId().orElseThrow(() ->
                    new IllegalStateException(dir + "/meta.properties has no cluster.id; move the directory away to start afresh"));
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
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

    static Properties brokerProperties(Path dir, int brokerPort, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("process.roles", "broker,controller"),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                // A static voter set: the quorum is this node alone, and nothing about its address is baked into the storage.
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("log.dirs", dir.toString()),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Fewer internal partitions than the 50 of a production cluster: the first start creates them on 2 cores.
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Replayed candles carry timestamps from years ago; time-based retention would delete them at once.
                Map.entry("log.retention.ms", "-1"),
                Map.entry("log.message.timestamp.before.max.ms", String.valueOf(Long.MAX_VALUE)),
                // The log cleaner preallocates this buffer; 128 MiB is far more than the local topics need.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024))));
        return properties;
    }

    private void awaitBrokerReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5000))
                            .nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Kafka", e);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Kafka on " + bootstrapServers + " did not become ready within "
                                + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka on " + bootstrapServers + " reports no broker after "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
            }
        }
    }
}
