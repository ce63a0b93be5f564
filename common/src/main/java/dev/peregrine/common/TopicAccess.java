package dev.peregrine.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Who may write and read which topic: the one table the broker's ACLs are made from (the Strimzi {@code KafkaUser}s in
 * {@code k8s/kafka/users.yaml}, the secured test broker of {@code testkit}) and that {@code docs/architecture.md}
 * prints. Each service authenticates as the Kafka principal named after it; operators as {@link #OPERATOR}.
 *
 * <p>The table lists what the code does ({@code @KafkaListener}s and publishers of each service); the rules for
 * what follows from it are in {@link #acls(Principal)}: a consumer writes the dead-letter twin of each topic it
 * consumes, a producer may read the dead letters of its own topics (the opt-in re-drive re-publishes them with the
 * producer's credentials), and every principal may describe every topic (the start-up topic declarations).
 */
public final class TopicAccess {

    public static final String INGEST = "ingest-service";
    public static final String SIGNAL = "signal-service";
    public static final String RISK = "risk-service";
    public static final String EXECUTION = "execution-service";
    public static final String MONITOR = "monitor-service";
    /** People and tools: strategy commands, and reading any topic (dead letters included) in their own groups. */
    public static final String OPERATOR = "peregrine-operator";

    /** The name ACLs use for every resource of a type. */
    public static final String ANY = "*";

    /**
     * One Kafka principal.
     *
     * @param name                  the user name (a service's name for a service)
     * @param writes                topics it publishes
     * @param consumes              topics its listeners consume (it writes their dead-letter twins)
     * @param inspects              topics it may only read (no dead letters written)
     * @param groups                consumer groups it joins
     * @param groupPrefix           a prefix of consumer groups it may join, or empty
     */
    public record Principal(
            String name,
            List<String> writes,
            List<String> consumes,
            List<String> inspects,
            List<String> groups,
            String groupPrefix) {

        public Principal {
            Objects.requireNonNull(name, "name");
            writes = List.copyOf(writes);
            consumes = List.copyOf(consumes);
            inspects = List.copyOf(inspects);
            groups = List.copyOf(groups);
            groupPrefix = groupPrefix == null ? "" : groupPrefix;
        }

        public boolean mayWrite(String topic) {
            return acls(this).contains(new Acl(name, ResourceType.TOPIC, topic, false, Operation.WRITE));
        }

        public boolean mayRead(String topic) {
            return acls(this).contains(new Acl(name, ResourceType.TOPIC, topic, false, Operation.READ));
        }
    }

    public enum ResourceType {
        TOPIC,
        GROUP
    }

    public enum Operation {
        DESCRIBE,
        READ,
        WRITE
    }

    /** One allow rule: {@code principal} may do {@code operation} on the resource ({@code prefixed}: every name starting so). */
    public record Acl(
            String principal, ResourceType resourceType, String name, boolean prefixed, Operation operation) {}

    private static final List<String> EVERY_TOPIC_AND_DEAD_LETTER = Topics.ALL.stream()
            .flatMap(topic -> Stream.of(topic, Topics.deadLetterOf(topic)))
            .toList();

    public static final List<Principal> PRINCIPALS = List.of(
            new Principal(
                    INGEST,
                    List.of(Topics.MARKET_CANDLES, Topics.MARKET_QUALITY, Topics.MARKET_INSTRUMENTS),
                    List.of(),
                    List.of(),
                    List.of(),
                    ""),
            new Principal(
                    SIGNAL,
                    List.of(Topics.SIGNALS_VALIDATED, Topics.STRATEGY_EVENTS),
                    List.of(Topics.MARKET_CANDLES, Topics.STRATEGY_COMMANDS),
                    List.of(),
                    List.of(SIGNAL),
                    ""),
            new Principal(
                    RISK,
                    List.of(Topics.RISK_DECISIONS, Topics.ORDERS_INTENTS, Topics.RISK_PORTFOLIO, Topics.ALERTS),
                    List.of(
                            Topics.MARKET_CANDLES,
                            Topics.MARKET_INSTRUMENTS,
                            Topics.SIGNALS_VALIDATED,
                            Topics.STRATEGY_EVENTS,
                            Topics.EXECUTION_REPORTS,
                            Topics.EXECUTION_ACCOUNTS),
                    List.of(),
                    List.of(RISK),
                    ""),
            new Principal(
                    EXECUTION,
                    List.of(Topics.EXECUTION_REPORTS, Topics.EXECUTION_ACCOUNTS),
                    List.of(Topics.ORDERS_INTENTS, Topics.MARKET_CANDLES),
                    List.of(),
                    List.of(EXECUTION),
                    ""),
            new Principal(
                    MONITOR,
                    List.of(Topics.STRATEGY_COMMANDS, Topics.SIGNALS_OUTCOMES, Topics.ALERTS),
                    List.of(
                            Topics.MARKET_CANDLES,
                            Topics.SIGNALS_VALIDATED,
                            Topics.SIGNALS_OUTCOMES,
                            Topics.RISK_DECISIONS,
                            Topics.RISK_PORTFOLIO,
                            Topics.EXECUTION_REPORTS,
                            Topics.ALERTS),
                    List.of(),
                    List.of(MONITOR, MONITOR + "-outcomes", MONITOR + "-health"),
                    ""),
            new Principal(
                    OPERATOR,
                    List.of(Topics.STRATEGY_COMMANDS),
                    List.of(),
                    EVERY_TOPIC_AND_DEAD_LETTER,
                    List.of(),
                    OPERATOR + "-"));

    private TopicAccess() {}

    public static Principal principal(String name) {
        return PRINCIPALS.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka principal " + name + " in TopicAccess"));
    }

    /** The principals that may write {@code topic}, in table order. */
    public static List<String> writersOf(String topic) {
        return PRINCIPALS.stream()
                .filter(p -> p.mayWrite(topic))
                .map(Principal::name)
                .toList();
    }

    /** Every allow rule of {@code principal}; nothing else is allowed. */
    public static Set<Acl> acls(Principal principal) {
        String name = principal.name();
        Set<Acl> acls = new LinkedHashSet<>();
        acls.add(new Acl(name, ResourceType.TOPIC, ANY, false, Operation.DESCRIBE));
        for (String topic : principal.writes()) {
            acls.add(new Acl(name, ResourceType.TOPIC, topic, false, Operation.WRITE));
        }
        for (String topic : principal.consumes()) {
            acls.add(new Acl(name, ResourceType.TOPIC, topic, false, Operation.READ));
        }
        for (String topic : principal.inspects()) {
            acls.add(new Acl(name, ResourceType.TOPIC, topic, false, Operation.READ));
        }
        for (String topic : principal.consumes()) {
            acls.add(new Acl(name, ResourceType.TOPIC, Topics.deadLetterOf(topic), false, Operation.WRITE));
        }
        for (String topic : principal.writes()) {
            acls.add(new Acl(name, ResourceType.TOPIC, Topics.deadLetterOf(topic), false, Operation.READ));
        }
        for (String group : principal.groups()) {
            acls.add(new Acl(name, ResourceType.GROUP, group, false, Operation.READ));
        }
        if (!principal.groupPrefix().isEmpty()) {
            acls.add(new Acl(name, ResourceType.GROUP, principal.groupPrefix(), true, Operation.READ));
        }
        return acls;
    }

    /** Every allow rule of every principal. */
    public static Set<Acl> allAcls() {
        Set<Acl> all = new LinkedHashSet<>();
        PRINCIPALS.forEach(p -> all.addAll(acls(p)));
        return all;
    }

    /** The table as {@code docs/architecture.md} prints it (a test keeps the two equal). */
    public static String markdownTable() {
        List<String> lines = new ArrayList<>();
        lines.add(
                "| principal | writes (and reads its `.dlt`) | consumes (and writes its `.dlt`) | consumer groups | reads only |");
        lines.add("|---|---|---|---|---|");
        for (Principal p : PRINCIPALS) {
            boolean everything = new TreeSet<>(p.inspects()).equals(new TreeSet<>(EVERY_TOPIC_AND_DEAD_LETTER));
            List<String> groupNames = new ArrayList<>(p.groups());
            if (!p.groupPrefix().isEmpty()) {
                groupNames.add(p.groupPrefix() + "*");
            }
            String groups = groupNames.stream().map(g -> "`" + g + "`").collect(Collectors.joining(", "));
            lines.add("| `" + p.name() + "` | " + cell(p.writes()) + " | " + cell(p.consumes()) + " | "
                    + (groups.isEmpty() ? "—" : groups) + " | "
                    + (everything ? "every topic and `.dlt`" : cell(p.inspects())) + " |");
        }
        return String.join("\n", lines) + "\n";
    }

    private static String cell(List<String> topics) {
        return topics.isEmpty() ? "—" : topics.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }
}
