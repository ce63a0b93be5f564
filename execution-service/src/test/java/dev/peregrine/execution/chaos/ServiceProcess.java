package dev.peregrine.execution.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * execution-service as a separate process: {@code java -jar} of its Spring Boot jar, configured by command-line
 * arguments and environment variables, its output in one log file per start. {@link #kill()} is SIGKILL
 * ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no flush, no commit runs. A process that ended
 * without being killed is counted and started again by {@link #reviveIfDead()}, as an orchestrator would.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);

    private final Path jar;
    private final Path logDir;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final List<String> unexpectedExits = new ArrayList<>();
    private Process process;
    private int managementPort;
    private int starts;
    private int kills;

    /**
     * @param arguments the service's {@code --name=value} settings (the management port is added per start)
     */
    ServiceProcess(Path jar, Path logDir, Map<String, String> environment, List<String> arguments) {
        this.jar = Objects.requireNonNull(jar, "jar");
        this.logDir = Objects.requireNonNull(logDir, "logDir");
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        // Should the test JVM end without @AfterAll (killed, System.exit), the service must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "chaos-service-stop"));
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the service is already running as pid " + process.pid());
        }
        managementPort = freePort();
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString()));
        command.addAll(arguments);
        command.add("--management.server.port=" + managementPort);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(starts).toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    synchronized void kill() {
        if (process == null || !process.isAlive()) {
            return;
        }
        kills++;
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing pid " + process.pid(), e);
        }
    }

    synchronized void restart() {
        kill();
        start();
    }

    /**
     * Lets the process run for up to {@code duration}, returning early if it ends by itself: a random moment to
     * kill it at, without sleeping the test thread blindly.
     */
    void runFor(Duration duration) {
        Process current;
        synchronized (this) {
            current = process;
        }
        try {
            current.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the service again if it ended without being killed; records how it ended. */
    synchronized boolean reviveIfDead() {
        if (process == null || process.isAlive()) {
            return false;
        }
        unexpectedExits.add("start " + starts + " (pid " + process.pid() + ") exited with " + process.exitValue() + " ("
                + logFile(starts).getFileName() + "): " + lastCause(logFile(starts)));
        start();
        return true;
    }

    /** Whether readiness (including the first complete reconciliation with the venue) is UP. */
    boolean isReady() {
        int port;
        synchronized (this) {
            if (process == null || !process.isAlive()) {
                return false;
            }
            port = managementPort;
        }
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(HTTP_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized int starts() {
        return starts;
    }

    synchronized int kills() {
        return kills;
    }

    synchronized List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    Path logDir() {
        return logDir;
    }

    /** Every line of every start's log that contains {@code text}, prefixed with the log's name. */
    List<String> logLinesContaining(String text) {
        List<String> found = new ArrayList<>();
        for (int start = 1; start <= starts(); start++) {
            Path log = logFile(start);
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (line.contains(text)) {
                        found.add(log.getFileName() + ": " + line);
                    }
                }
            } catch (IOException e) {
                found.add(log.getFileName() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return found;
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private Path logFile(int start) {
        return logDir.resolve("execution-service-" + start + ".log");
    }

    /** The innermost "Caused by:" of the log (why a start-up failed), else its last line. */
    private static String lastCause(Path file) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.reversed().stream()
                    .filter(line -> line.startsWith("Caused by:"))
                    .findFirst()
                    .orElse(all.isEmpty() ? "(empty log)" : all.getLast());
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
