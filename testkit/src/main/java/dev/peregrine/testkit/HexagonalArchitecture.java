package dev.peregrine.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules every service is held to: {@code domain} and {@code application} are plain Java, free of
 * Spring, Kafka, JPA/JDBC and Micrometer; {@code domain} does not reach out to {@code application},
 * {@code adapter} or {@code config}; {@code application} does not know adapters; and the layers
 * ({@code domain}, {@code application}, {@code adapter}, {@code config}) do not depend on one another in a
 * cycle, so that e.g. an adapter reads no {@code config} class while {@code config} builds the adapters.
 *
 * <p>{@link #checkStrictly(String)} adds four rules {@link #check(String)} leaves out because some services do not
 * keep them yet: {@link ArchitectureRules#packagesFreeOfCycles()} (every package against every other, a parent package
 * and its sub-package too), {@link #portsAreInterfaces(String)}, {@link #adaptersIndependentOfOneAnother(String)} and
 * {@link #useCasesNamedForTheirPorts(String, Set)}.
 */
public final class HexagonalArchitecture {

    private HexagonalArchitecture() {}

    /** Checks {@link #rules(String)} against the production classes below {@code basePackage}. */
    public static void check(String basePackage) {
        check(ArchitectureRules.productionClasses(basePackage), rules(basePackage));
    }

    /** Checks {@link #strictRules(String)}: {@link #rules(String)} and the four rules not every service keeps yet. */
    public static void checkStrictly(String basePackage) {
        check(ArchitectureRules.productionClasses(basePackage), strictRules(basePackage));
    }

    private static void check(JavaClasses classes, List<ArchRule> rules) {
        for (ArchRule rule : rules) {
            rule.check(classes);
        }
    }

    /** The rules {@link #check(String)} applies, in this order: frameworks, domain, application, layer cycles. */
    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                plainJavaCore(basePackage),
                domainDependsOnItself(basePackage),
                applicationReachesAdaptersThroughPorts(basePackage),
                layersFreeOfCycles(basePackage));
    }

    /** No Spring, Kafka, JPA/Hibernate, JDBC, Micrometer or Jackson in {@code domain} and {@code application}. */
    public static ArchRule plainJavaCore(String basePackage) {
        return noClasses()
                .that()
                .resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.apache.kafka..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "io.micrometer..",
                        "java.sql..",
                        "javax.sql..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("domain and application are plain Java; frameworks live in adapters and config");
    }

    /** {@link #rules(String)}, then package cycles, ports as interfaces and adapters independent of one another. */
    public static List<ArchRule> strictRules(String basePackage) {
        List<ArchRule> rules = new ArrayList<>(rules(basePackage));
        rules.add(ArchitectureRules.packagesFreeOfCycles());
        rules.add(portsAreInterfaces(basePackage));
        rules.add(adaptersIndependentOfOneAnother(basePackage));
        rules.add(useCasesNamedForTheirPorts(basePackage, Set.of()));
        return rules;
    }

    /** {@link #strictRules(String)} with {@link #useCasesNamedForTheirPorts} excepting the named classes. */
    public static List<ArchRule> strictRules(String basePackage, Set<String> portImplementationsNotNamedService) {
        List<ArchRule> rules = new ArrayList<>(strictRules(basePackage));
        rules.set(rules.size() - 1, useCasesNamedForTheirPorts(basePackage, portImplementationsNotNamedService));
        return rules;
    }

    /** {@link #checkStrictly(String)} excepting the named classes from {@link #useCasesNamedForTheirPorts}. */
    public static void checkStrictly(String basePackage, Set<String> portImplementationsNotNamedService) {
        check(
                ArchitectureRules.productionClasses(basePackage),
                strictRules(basePackage, portImplementationsNotNamedService));
    }

    /**
     * One naming scheme for use cases in every service: the inbound port is an interface named for what it does
     * ({@code PlaceOrder}, {@code DecideOnSignal}; no {@code UseCase}, {@code Query} or {@code Commands} suffix), and
     * the class in {@code application} that implements it is that name plus {@code Service}
     * ({@code PlaceOrderService}) when the port sits in a {@code port.in} package. No interface of {@code application}
     * outside {@code port.out} carries one of those suffixes.
     * {@code exceptions} names classes (simple names) allowed to implement a port under another name, each with a
     * reason at the call site, e.g. a running component that also answers a status query.
     */
    public static ArchRule useCasesNamedForTheirPorts(String basePackage, Set<String> exceptions) {
        String application = basePackage + ".application";
        ArchCondition<JavaClass> namedForAPort = new ArchCondition<>("be named <its inbound port>Service") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                List<String> ports = item.getRawInterfaces().stream()
                        .filter(i -> isInboundPort(i, application)
                                && i.getPackageName().contains(".port.in"))
                        .map(JavaClass::getSimpleName)
                        .toList();
                if (ports.isEmpty() || exceptions.contains(item.getSimpleName())) {
                    return;
                }
                boolean named =
                        ports.stream().anyMatch(p -> item.getSimpleName().equals(p + "Service"));
                if (!named) {
                    events.add(SimpleConditionEvent.violated(
                            item,
                            item.getName() + " implements the inbound port(s) " + ports + " but is not named "
                                    + ports.get(0) + "Service"));
                }
            }
        };
        ArchCondition<JavaClass> portNamedForWhatItDoes =
                new ArchCondition<>("not be named *UseCase/*Query/*Queries/*Commands") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (item.isInterface()
                                && isInboundPort(item, application)
                                && item.getSimpleName().matches(".*(UseCase|Query|Queries|Commands)")) {
                            events.add(SimpleConditionEvent.violated(
                                    item,
                                    item.getName() + " is an inbound port: name it for what it does (e.g. PlaceOrder), "
                                            + "without a UseCase/Query/Queries/Commands suffix"));
                        }
                    }
                };
        return classes()
                .that()
                .resideInAPackage(application + "..")
                .and()
                .areTopLevelClasses()
                .should(namedForAPort.and(portNamedForWhatItDoes))
                .allowEmptyShould(true)
                .because("one naming scheme for use cases: the port says what it does, its implementation is "
                        + "<port>Service beside it");
    }

    private static boolean isInboundPort(JavaClass type, String application) {
        String pkg = type.getPackageName();
        return type.isInterface()
                && type.isTopLevelClass()
                && (pkg.equals(application) || pkg.startsWith(application + "."))
                && !pkg.contains(".port.out");
    }

    /** {@code domain} does not depend on {@code application}, {@code adapter} or {@code config}. */
    public static ArchRule domainDependsOnItself(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        basePackage + ".application..", basePackage + ".adapter..", basePackage + ".config..")
                .because("the domain depends on nothing outside itself");
    }

    /** {@code application} does not depend on {@code adapter} or {@code config}. */
    public static ArchRule applicationReachesAdaptersThroughPorts(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(basePackage + ".adapter..", basePackage + ".config..")
                .because("use cases talk to adapters only through ports");
    }

    /**
     * The top-level packages below {@code basePackage} ({@code domain}, {@code application}, {@code adapter},
     * {@code config}, any other) do not depend on one another in a cycle. Classes directly in {@code basePackage}
     * (the application class) are not part of any slice.
     */
    public static ArchRule layersFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..")
                .namingSlices("layer $1")
                .should()
                .beFreeOfCycles()
                .because("config builds the adapters and use cases, adapters call the use cases, use cases the "
                        + "domain: an arrow back (e.g. an adapter reading a config class) makes the layers one knot");
    }

    /**
     * The top-level classes of {@code application.port} are interfaces, besides the values they carry (records,
     * enums) and the exceptions they throw: a port states what the use cases offer or need, and what does the work
     * lives in the use cases or an adapter, where a test can put another in its place.
     */
    public static ArchRule portsAreInterfaces(String basePackage) {
        return classes()
                .that()
                .resideInAPackage(basePackage + ".application.port..")
                .and()
                .areTopLevelClasses()
                .and()
                .areNotRecords()
                .and()
                .areNotEnums()
                .and()
                .areNotAssignableTo(Throwable.class)
                .should()
                .beInterfaces()
                .allowEmptyShould(true)
                .because("a port is a contract; its implementation is a use case or an adapter");
    }

    /**
     * The adapters ({@code adapter.in.kafka}, {@code adapter.out.jdbc}, ...) do not use one another: each translates
     * one outside technology to the ports, and {@code config} wires them. A Kafka listener calling a JDBC repository
     * directly would bypass the use case and tie two technologies together.
     */
    public static ArchRule adaptersIndependentOfOneAnother(String basePackage) {
        return slices().matching(basePackage + ".adapter.(*).(*)..")
                .namingSlices("adapter $1.$2")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .because("adapters meet only through the ports, wired by config");
    }
}
