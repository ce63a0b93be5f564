package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A killed local stack restarts": a JVM running the persistent PostgreSQL ({@link CrashedStack}) is killed with
 * SIGKILL. Its PostgreSQL outlives it, still holding the data dir and the port; the next start on the same data dir
 * recognises it by its pid file and command line, stops it, and starts with everything committed before the kill
 * (read as ingest's role, with the password of the first run). Kafka runs inside the JVM and dies with it; its
 * restart on a data dir is {@link PersistentInfrastructureIT}'s.
 */
class CrashRestartIT {

    @TempDir
    Path dataDir;

    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        // Whatever this test left running on its temporary data dir: never a process of another data dir.
        LeftoverPostmaster.stopIfRunning(dataDir.resolve("postgres"));
    }

    @Test
    void aStackKilledWithSigkillStartsAgainOnItsDataDir() throws Exception {
        int postgresPort = freePort();
        Path log = dataDir.resolve("crashed-stack.log");
        child = new ProcessBuilder(
                        javaBinary(),
                        "-Xmx384m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashedStack.class.getName(),
                        dataDir.toString(),
                        String.valueOf(postgresPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await("the child stack is up")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the child stack exited", () -> !child.isAlive())
                    .until(() -> Files.exists(dataDir.resolve(CrashedStack.READY_FILE)));
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its log ends:\n" + tail(log), e);
        }

        child.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !child.isAlive());

        // The bug: the postmaster outlives the JVM that started it, holding the data dir and the port.
        Optional<LeftoverPostmaster> leftover = LeftoverPostmaster.find(dataDir.resolve("postgres"));
        assertThat(leftover).as("a PostgreSQL left running by the killed JVM").isPresent();
        long leftoverPid = leftover.orElseThrow().pid();
        assertThat(portInUse(postgresPort)).isTrue();

        try (PersistentPostgres postgres = PersistentPostgres.start(dataDir.resolve("postgres"), postgresPort)) {
            assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive))
                    .isEmpty();
            DatabaseLogin ingest =
                    PostgresPasswords.load(postgres.passwordFile()).login("ingest");
            try (Connection connection =
                            DriverManager.getConnection(postgres.jdbcUrl(), ingest.username(), ingest.password());
                    Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("select id, note from ingest.crash_probe")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("note")).isEqualTo("committed before the kill");
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(LeftoverPostmaster.find(dataDir.resolve("postgres"))).isEmpty();
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static boolean portInUse(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
