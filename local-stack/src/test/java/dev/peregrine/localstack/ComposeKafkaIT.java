package dev.peregrine.localstack;

import static dev.peregrine.localstack.DeploymentDescriptors.asMap;
import static dev.peregrine.localstack.DeploymentDescriptors.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.TopicAccess;
import dev.peregrine.common.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml's broker, run without Docker: a Kafka process started with the {@code KAFKA_*} settings of the
 * compose file (turned into broker properties as the apache/kafka image does; only addresses and the log directory
 * are changed) and the user list {@code deploy/compose/init-secrets.sh} generates. Then, with the topics and the ACLs
 * of {@code deploy/compose/kafka/} granted as kafka-init grants them (here through the Admin API, as the image's
 * {@code kafka-acls.sh} is not on this class path): risk-service writes {@code orders.intents.v1}, signal-service is
 * refused, a wrong password fails, and a service cannot log in on the controller listener.
 */
class ComposeKafkaIT {

    private Process broker;

    @AfterEach
    void stopTheBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    @Test
    void theComposeBrokerAuthenticatesEveryUserAndAllowsOnlyTopicAccess(@TempDir Path tmp) throws Exception {
        DeploymentDescriptors descriptors = new DeploymentDescriptors(DeploymentDescriptors.findRepositoryRoot());
        Path secrets = tmp.resolve("secrets");
        Process script = new ProcessBuilder(
                        "/bin/bash",
                        descriptors
                                .root()
                                .resolve("deploy/compose/init-secrets.sh")
                                .toString(),
                        secrets.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("init-secrets.log").toFile())
                .start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS) && script.exitValue() == 0)
                .as("init-secrets.sh")
                .isTrue();

        int brokerPort = freePort();
        int controllerPort = freePort();
        Map<String, String> env = environment(asMap(
                        asMap(
                                        descriptors
                                                .loadYaml(DeploymentDescriptors.COMPOSE_FILE)
                                                .get("services"),
                                        "services")
                                .get("kafka"),
                        "kafka")
                .get("environment"));
        Properties server = brokerProperties(env);
        server.setProperty(
                "listeners",
                server.getProperty("listeners")
                        .replace("SASL_PLAINTEXT://:9092", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort)
                        .replace("CONTROLLER://:9093", "CONTROLLER://127.0.0.1:" + controllerPort));
        server.setProperty(
                "advertised.listeners",
                server.getProperty("advertised.listeners").replace("kafka:9092", "127.0.0.1:" + brokerPort));
        server.setProperty(
                "controller.quorum.voters",
                server.getProperty("controller.quorum.voters").replace("kafka:9093", "127.0.0.1:" + controllerPort));
        server.setProperty("log.dirs", tmp.resolve("data").toString());
        Path properties = tmp.resolve("server.properties");
        try (var out = Files.newOutputStream(properties)) {
            server.store(out, "docker-compose.yml's kafka service");
        }
        String javaOpts = env.get("KAFKA_OPTS").replace("/run/secrets/", secrets + "/");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Process format = new ProcessBuilder(
                        java,
                        "-cp",
                        classPath,
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        "AAAAAAAAAAAAAAAAAAAAAA",
                        "-c",
                        properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("format.log").toFile())
                .start();
        assertThat(format.waitFor(120, TimeUnit.SECONDS) && format.exitValue() == 0)
                .as("kafka-storage format")
                .isTrue();
        broker = new ProcessBuilder(java, javaOpts, "-Xmx512m", "-cp", classPath, "kafka.Kafka", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("broker.log").toFile())
                .start();

        String bootstrap = "127.0.0.1:" + brokerPort;
        Properties admin = new Properties();
        try (InputStream in = Files.newInputStream(secrets.resolve("kafka-admin-client.properties"))) {
            admin.load(in);
        }
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin peregrineAdmin = Admin.create(admin)) {
            await().atMost(Duration.ofMinutes(2))
                    .ignoreExceptions()
                    .until(() -> peregrineAdmin
                                    .describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            == 1);
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : dataLines(descriptors, "deploy/compose/kafka/topics.txt")) {
                topics.add(new NewTopic(topic, 3, (short) 1));
            }
            peregrineAdmin.createTopics(topics).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String line : dataLines(descriptors, "deploy/compose/kafka/acls.txt")) {
                String[] f = line.split("\\s+");
                acls.add(new AclBinding(
                        new ResourcePattern(ResourceType.valueOf(f[1]), f[3], PatternType.valueOf(f[2])),
                        new AccessControlEntry(
                                "User:" + f[0], "*", AclOperation.valueOf(f[4]), AclPermissionType.ALLOW)));
            }
            peregrineAdmin.createAcls(acls).all().get();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> peregrineAdmin
                                    .describeAcls(AclBindingFilter.ANY)
                                    .values()
                                    .get()
                                    .size()
                            == TopicAccess.allAcls().size());
        }

        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> send(client(secrets, bootstrap, TopicAccess.RISK, null), Topics.ORDERS_INTENTS));
        assertThatThrownBy(() -> send(client(secrets, bootstrap, TopicAccess.SIGNAL, null), Topics.ORDERS_INTENTS))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() ->
                        send(client(secrets, bootstrap, TopicAccess.RISK, "not-its-password"), Topics.ORDERS_INTENTS))
                .hasCauseInstanceOf(SaslAuthenticationException.class);
        Properties onTheController = client(secrets, "127.0.0.1:" + controllerPort, TopicAccess.RISK, null);
        try (Admin risk = Admin.create(onTheController)) {
            assertThatThrownBy(() -> risk.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** KAFKA_FOO_BAR: value → foo.bar=value, as the apache/kafka image writes them; KAFKA_OPTS is the JVM's. */
    static Properties brokerProperties(Map<String, String> env) {
        Properties properties = new Properties();
        env.forEach((variable, value) -> {
            if (variable.startsWith("KAFKA_") && !variable.equals("KAFKA_OPTS")) {
                properties.setProperty(
                        variable.substring("KAFKA_".length())
                                .toLowerCase(Locale.ROOT)
                                .replace("___", "-")
                                .replace("__", "\u0000")
                                .replace('_', '.')
                                .replace('\u0000', '_'),
                        value);
            }
        });
        return properties;
    }

    private static Properties client(Path secrets, String bootstrap, String user, String password) throws IOException {
        String secret = password != null
                ? password
                : Files.readString(secrets.resolve("kafka-" + user)).strip();
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaCredentials.jaas(user, secret));
        return properties;
    }

    private static void send(Properties client, String topic) throws ExecutionException, InterruptedException {
        client.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        client.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        client.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(client)) {
            producer.send(new ProducerRecord<>(topic, "compose-kafka-it", "{}")).get();
        }
    }

    private static List<String> dataLines(DeploymentDescriptors descriptors, String file) {
        return DeploymentDescriptors.read(descriptors.root().resolve(file))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
