package dev.peregrine.testkit;

import dev.peregrine.common.SecuredBrokerSettings;
import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second real Kafka broker (KRaft, one node, inside the test JVM) with authentication and authorization on, for
 * tests that must see a client refused. Started once per JVM on first use, stopped when the JVM exits; the plain
 * broker of {@link RealInfrastructure} is unaffected.
 *
 * <p>Both listeners (clients and the controller) take SASL/PLAIN only. Each principal of {@link TopicAccess} is a user
 * with a random password made at start-up, plus {@value #ADMIN}, the only super user. The broker authorizes with
 * Kafka's {@code StandardAuthorizer} and no ACL means refused; the ACLs are {@link TopicAccess#allAcls()}, created
 * through the Admin client as in a real cluster, and the topics are every topic of {@link Topics} with its dead-letter
 * twin. Production uses SCRAM over TLS (Strimzi); PLAIN differs only in how the password is checked, not in what the
 * ACLs allow.
 */
public final class SecuredKafka {

    /** The super user that creates the topics and ACLs; no service ever authenticates as it. */
    public static final String ADMIN = SecuredBrokerSettings.ADMIN;

    public static final String SECURITY_PROTOCOL = SecuredBrokerSettings.SECURITY_PROTOCOL;
    public static final String MECHANISM = SecuredBrokerSettings.MECHANISM;
    public static final int PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(SecuredKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static volatile SecuredKafka shared;

    private final String bootstrapServers;
    private final Map<String, String> passwords;

    private SecuredKafka(String bootstrapServers, Map<String, String> passwords) {
        this.bootstrapServers = bootstrapServers;
        this.passwords = Map.copyOf(passwords);
    }

    /** The broker, started on first call. */
    public static SecuredKafka get() {
        SecuredKafka current = shared;
        if (current == null) {
            synchronized (SecuredKafka.class) {
                current = shared;
                if (current == null) {
                    current = start();
                    shared = current;
                }
            }
        }
        return current;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The password of a {@link TopicAccess} principal (or {@value #ADMIN}). */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka user " + user + " on the secured test broker");
        }
        return password;
    }

    /** Client properties (producer, consumer or admin) that authenticate as {@code user} with its password. */
    public Map<String, Object> clientProperties(String user) {
        return clientProperties(user, password(user));
    }

    /** Client properties that authenticate as {@code user} with {@code password}, right or wrong. */
    public Map<String, Object> clientProperties(String user, String password) {
        return new HashMap<>(SecuredBrokerSettings.clientProperties(bootstrapServers, user, password));
    }

    /** The ACLs of {@link TopicAccess} as Kafka's Admin client takes them. */
    public static List<AclBinding> aclBindings() {
        return TopicAccess.allAcls().stream()
                .map(acl -> new AclBinding(
                        new ResourcePattern(
                                acl.resourceType() == TopicAccess.ResourceType.TOPIC
                                        ? ResourceType.TOPIC
                                        : ResourceType.GROUP,
                                acl.name(),
                                acl.prefixed() ? PatternType.PREFIXED : PatternType.LITERAL),
                        new AccessControlEntry(
                                "User:" + acl.principal(),
                                "*",
                                AclOperation.valueOf(acl.operation().name()),
                                AclPermissionType.ALLOW)))
                .toList();
    }

    private static SecuredKafka start() {
        Map<String, String> passwords = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        passwords.put(ADMIN, randomPassword(random));
        TopicAccess.PRINCIPALS.forEach(principal -> passwords.put(principal.name(), randomPassword(random)));
        Path dir;
        try {
            dir = Files.createTempDirectory("peregrine-secured-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the secured Kafka broker", e);
        }
        int brokerPort = freePort();
        int controllerPort = freePort();
        format(dir);
        KafkaRaftServer server = new KafkaRaftServer(
                KafkaConfig.fromProps(brokerProperties(dir, brokerPort, controllerPort, passwords), false),
                Time.SYSTEM);
        server.startup();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            server.awaitShutdown();
                            deleteQuietly(dir);
                        },
                        "secured-kafka-stop"));
        SecuredKafka kafka = new SecuredKafka("127.0.0.1:" + brokerPort, passwords);
        kafka.awaitReadyAndGrant();
        log.info("Secured Kafka (KRaft, SASL/PLAIN, ACLs of TopicAccess) listening on {}", kafka.bootstrapServers);
        return kafka;
    }

    private static Properties brokerProperties(
            Path dir, int brokerPort, int controllerPort, Map<String, String> passwords) {
        Properties properties = new Properties();
        properties.putAll(SecuredBrokerSettings.brokerProperties(dir, brokerPort, controllerPort, passwords));
        return properties;
    }

    private static void format(Path dir) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
                    .setNodeId(SecuredBrokerSettings.NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(SecuredBrokerSettings.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot format the secured Kafka broker's directory " + dir + ": " + output, e);
        }
    }

    /** Waits for the broker, then creates every topic and every ACL as the admin, and waits until the ACLs apply. */
    private void awaitReadyAndGrant() {
        Map<String, Object> adminProperties = new HashMap<>(clientProperties(ADMIN));
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(adminProperties)) {
            awaitBroker(admin, deadline);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetterOf(topic), PARTITIONS, (short) 1));
            }
            List<AclBinding> acls = aclBindings();
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // The broker answers describeAcls from its authorizer: once it lists them all, they are enforced.
            while (admin.describeAcls(AclBindingFilter.ANY)
                            .values()
                            .get(10, TimeUnit.SECONDS)
                            .size()
                    < acls.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the secured Kafka broker did not apply its ACLs within "
                            + READY_TIMEOUT.toSeconds() + " s");
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the secured Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot set up the secured Kafka broker on " + bootstrapServers + ": " + e.getMessage(), e);
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
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the secured Kafka broker on " + bootstrapServers + " did not become ready within "
                                    + READY_TIMEOUT.toSeconds() + " s",
                            e);
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static String randomPassword(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the secured Kafka broker", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
