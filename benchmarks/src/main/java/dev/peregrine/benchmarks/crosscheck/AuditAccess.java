package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.benchmarks.audit.AuditOptions;
import dev.peregrine.benchmarks.ingest.ReplayClient;
import dev.peregrine.testkit.InfrastructureEndpoints;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The replay audit's suite and drain, reused as they are: {@code audit.AuditSuite} (the five services in this JVM on
 * the given Kafka and PostgreSQL) and {@code audit.ChainDrain} (wait until the run completed and every consumer group
 * is at lag 0 with nothing moving). Both are package-private in {@code dev.peregrine.benchmarks.audit}, so this class
 * reaches them by reflection instead of copying them; making them public there would make it a plain delegation.
 */
final class AuditAccess {

    private static final String AUDIT = "dev.peregrine.benchmarks.audit.";

    private AuditAccess() {
    }

    /** The five running services: a handle on {@code AuditSuite}. */
    static final class Suite implements AutoCloseable {

        private final Object suite;

        private Suite(Object suite) {
            this.suite = suite;
        }

        static Suite start(InfrastructureEndpoints infra, String operatorToken, String viewerToken, Path replayDirectory) {
            Class<?> type = type("AuditSuite");
            return new Suite(invoke(method(type, "start", InfrastructureEndpoints.class, String.class, String.class,
                    Path.class), null, infra, operatorToken, viewerToken, replayDirectory));
        }

        /** The REST port of {@code service}: "ingest", "signal", "risk", "execution" or "monitor". */
        int apiPort(String service) {
            return (Integer) invoke(method(suite.getClass(), "apiPort", String.class), suite, service);
        }

        @Override
        public void close() {
            invoke(method(suite.getClass(), "close"), suite);
        }
    }

    /** How the wait for the chain ended. */
    record Drain(ReplayClient.Run run, boolean drained, Duration untilLastChange) {
    }

    /** Waits as the audit does for run {@code runId} to complete and the chain behind it to drain. */
    static Drain awaitDrain(String kafkaBootstrapServers, JdbcClient jdbc, ReplayClient replays, UUID runId,
                            AuditOptions options, PrintStream out) {
        Class<?> storesType = type("AuditStores");
        Object stores = construct(constructor(storesType, JdbcClient.class), jdbc);
        Class<?> drainType = type("ChainDrain");
        AutoCloseable chain = (AutoCloseable) construct(constructor(drainType, String.class, storesType,
                ReplayClient.class, PrintStream.class), kafkaBootstrapServers, stores, replays, out);
        try (chain) {
            Object outcome = invoke(method(drainType, "await", UUID.class, AuditOptions.class), chain, runId, options);
            Class<?> outcomeType = outcome.getClass();
            return new Drain((ReplayClient.Run) invoke(method(outcomeType, "run"), outcome),
                    (Boolean) invoke(method(outcomeType, "drained"), outcome),
                    (Duration) invoke(method(outcomeType, "untilLastChange"), outcome));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the drain: " + e, e);
        }
    }

    private static Class<?> type(String simpleName) {
        try {
            return Class.forName(AUDIT + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the replay audit's " + simpleName + " is gone: update AuditAccess", e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the replay audit's " + type.getSimpleName() + "." + name
                    + " changed: update AuditAccess", e);
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameters);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the replay audit's " + type.getSimpleName()
                    + " constructor changed: update AuditAccess", e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        }
    }

    private static Object construct(Constructor<?> constructor, Object... args) {
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw rethrow(e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(cause.toString(), cause);
    }
}
