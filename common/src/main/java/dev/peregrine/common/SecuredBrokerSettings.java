package dev.peregrine.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * The settings of the Kafka brokers the project runs itself, in one process: the local stack's ({@code local-stack}'s
 * {@code PersistentKafka}) and the secured test broker ({@code testkit}'s {@code SecuredKafka}). One KRaft node that is
 * broker and controller, SASL/PLAIN on both listeners, the {@code StandardAuthorizer} with no ACL meaning refused and
 * {@link #ADMIN} the only super user, topics made only by the admin. Plain strings, like {@link TopicAccess}, because
 * common is the one module both can use: testkit cannot depend on local-stack or platform, whose tests use testkit.
 */
public final class SecuredBrokerSettings {

    /** The super user that creates the topics and ACLs; no service ever authenticates as it. */
    public static final String ADMIN = "peregrine-admin";

    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String MECHANISM = "PLAIN";
    /** The node's id, as broker and as the only voter of its quorum. */
    public static final int NODE_ID = 1;
    /** The client listener is named after its protocol; the controller's has a name of its own. */
    public static final String CLIENT_LISTENER = SECURITY_PROTOCOL;

    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule required";

    private SecuredBrokerSettings() {}

    /**
     * The broker's properties, listening on 127.0.0.1 only.
     *
     * @param passwords every user's password, {@link #ADMIN}'s among them
     */
    public static Map<String, String> brokerProperties(
            Path logDir, int brokerPort, int controllerPort, Map<String, String> passwords) {
        return Map.ofEntries(
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("process.roles", "broker,controller"),
                Map.entry(
                        "listeners",
                        CLIENT_LISTENER + "://127.0.0.1:" + brokerPort + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                                + controllerPort),
                Map.entry("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + brokerPort),
                Map.entry(
                        "listener.security.protocol.map",
                        CLIENT_LISTENER + ":" + SECURITY_PROTOCOL + "," + CONTROLLER_LISTENER + ":"
                                + SECURITY_PROTOCOL),
                Map.entry("inter.broker.listener.name", CLIENT_LISTENER),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                // A static voter set: the quorum is this node alone, and nothing about its address is in the storage.
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("sasl.enabled.mechanisms", MECHANISM),
                Map.entry("sasl.mechanism.inter.broker.protocol", MECHANISM),
                Map.entry("sasl.mechanism.controller.protocol", MECHANISM),
                // The client listener knows every user; the controller listener only the admin (the broker's own
                // login).
                Map.entry("listener.name.sasl_plaintext.plain.sasl.jaas.config", brokerJaas(passwords, true)),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", brokerJaas(passwords, false)),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + ADMIN),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                // Topics are the admin's to create; a typo in a client's topic name must not make one.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Fewer internal partitions than the 50 of a production cluster: the first start creates them on 2
                // cores.
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The log cleaner preallocates this buffer; 128 MiB is far more than these brokers' topics need.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8L * 1024 * 1024)));
    }

    /** What a client (producer, consumer or admin) needs to log in as {@code user}, beside its own settings. */
    public static Map<String, String> clientProperties(String bootstrapServers, String user, String password) {
        return Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "security.protocol",
                SECURITY_PROTOCOL,
                "sasl.mechanism",
                MECHANISM,
                "sasl.jaas.config",
                clientJaas(user, password));
    }

    /** The login of a client as {@code user}. */
    public static String clientJaas(String user, String password) {
        return LOGIN_MODULE + " username=\"" + user + "\" password=\"" + password + "\";";
    }

    /**
     * A listener's JAAS configuration: the broker logs in as {@link #ADMIN} and accepts every user of
     * {@code passwords}, or, {@code everyUser} false, the admin alone.
     */
    public static String brokerJaas(Map<String, String> passwords, boolean everyUser) {
        StringBuilder text = new StringBuilder(LOGIN_MODULE)
                .append(" username=\"")
                .append(ADMIN)
                .append("\" password=\"")
                .append(passwords.get(ADMIN))
                .append('"');
        passwords.forEach((user, password) -> {
            if (everyUser || user.equals(ADMIN)) {
                text.append(" user_")
                        .append(user)
                        .append("=\"")
                        .append(password)
                        .append('"');
            }
        });
        return text.append(';').toString();
    }
}
