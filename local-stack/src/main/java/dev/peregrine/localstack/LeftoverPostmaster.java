package dev.peregrine.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running by a local stack that died without stopping it (SIGKILL, out of memory): the
 * postmaster is not a child the JVM takes with it, so it keeps the data dir and port 15432 until someone stops it.
 *
 * <p>The postmaster of a data dir writes its PID on the first line of {@code <dir>/postmaster.pid} and the data dir
 * on the second. A leftover is stopped only when that PID runs a {@code postgres} whose command line names this very
 * data dir ({@code /proc/<pid>/cmdline}): a stale file whose PID now belongs to another process, or a server of
 * another data dir, is never signalled. The stop is PostgreSQL's own: SIGTERM (smart shutdown: no new sessions,
 * the dead stack's sessions are gone already), and if it has not exited after {@link #SMART_WAIT} SIGINT (fast
 * shutdown: remaining sessions are ended, a checkpoint is written). Never SIGKILL: that would leave a crash recovery
 * to the next start and the shared memory of its backends behind.
 *
 * <p>A server whose stack still runs is never a leftover: that stack's JVM holds an OS file lock on
 * {@code <dir>/epg-lock} (zonky's EmbeddedPostgres takes it for as long as it runs the server; the OS drops it when
 * the JVM dies). While that lock is held nothing is stopped, and the start reports the ports in use as before.
 *
 * <p>Where there is no {@code /proc} (not Linux) nothing is stopped; PostgreSQL's start then reports the running
 * server.
 */
final class LeftoverPostmaster {

    static final Duration SMART_WAIT = Duration.ofSeconds(5);
    static final Duration FAST_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** zonky's EmbeddedPostgres locks this file in the data dir for as long as its JVM runs the server. */
    static final String STACK_LOCK = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private final long pid;
    private final Path dataDir;

    private LeftoverPostmaster(long pid, Path dataDir) {
        this.pid = pid;
        this.dataDir = dataDir;
    }

    long pid() {
        return pid;
    }

    /**
     * The running postmaster of {@code dataDir} named by its {@code postmaster.pid}, if there is one; empty when there
     * is no pid file, or its process is gone (PostgreSQL removes such a stale file itself when it starts).
     *
     * @throws IllegalStateException when the PID runs, but not as a PostgreSQL of this data dir: it is left alone
     */
    static Optional<LeftoverPostmaster> find(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path pidFile = dir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pidFile, e);
        }
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.getFirst().strip());
        } catch (NumberFormatException e) {
            // Being written (PostgreSQL starting right now) or damaged: PostgreSQL's start will judge it.
            log.warn("{} has no PID on its first line; left for PostgreSQL to judge", pidFile);
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info(
                    "{} names PID {}, which no longer runs: a stale file PostgreSQL removes when it starts",
                    pidFile,
                    pid);
            return Optional.empty();
        }
        Path proc = Path.of("/proc", String.valueOf(pid), "cmdline");
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            log.warn(
                    "{} names running PID {}; without /proc it cannot be told whether it is this data dir's "
                            + "PostgreSQL, so it is not stopped",
                    pidFile,
                    pid);
            return Optional.empty();
        }
        List<String> arguments;
        try {
            arguments = commandLine(Files.readAllBytes(proc));
        } catch (IOException e) {
            // Gone meanwhile, or another user's process (which a postmaster of our data dir would not be).
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            throw notOurs(pidFile, pid, "its command line cannot be read: " + e.getMessage());
        }
        if (!isPostmasterOf(arguments, dir, lines)) {
            throw notOurs(pidFile, pid, "it runs " + String.join(" ", arguments));
        }
        return Optional.of(new LeftoverPostmaster(pid, dir));
    }

    /**
     * Stops a leftover postmaster of {@code dataDir}, if one runs; returns its PID when one was stopped.
     *
     * @throws IllegalStateException when the pid file names a process that is not this data dir's PostgreSQL, or the
     *                               leftover did not stop
     */
    static Optional<Long> stopIfRunning(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve("postmaster.pid"))) {
            return Optional.empty();
        }
        // Held while judging and stopping, so that a stack starting meanwhile on this data dir waits its turn.
        try (FileChannel channel =
                FileChannel.open(dir.resolve(STACK_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                log.info("PostgreSQL of {} belongs to a local stack that is still running; it is not stopped", dir);
                return Optional.empty();
            }
            try (lock) {
                Optional<LeftoverPostmaster> leftover = find(dir);
                leftover.ifPresent(LeftoverPostmaster::stop);
                return leftover.map(LeftoverPostmaster::pid);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock " + dir.resolve(STACK_LOCK), e);
        }
    }

    /** The lock, or null when a running stack holds it (another JVM, or this one). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** SIGTERM (smart shutdown), then SIGINT (fast shutdown) if it is still running after {@link #SMART_WAIT}. */
    void stop() {
        ProcessHandle process = ProcessHandle.of(pid).orElse(null);
        if (process == null || !process.isAlive()) {
            return;
        }
        log.warn(
                "PostgreSQL (PID {}) of {} is still running, left over from a local stack that did not stop it "
                        + "(killed, or out of memory); stopping it before starting",
                pid,
                dataDir);
        long began = System.nanoTime();
        process.destroy();
        if (awaitExit(process, SMART_WAIT)) {
            log.info(
                    "The leftover PostgreSQL (PID {}) stopped in {} ms (smart shutdown)",
                    pid,
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
            return;
        }
        log.warn(
                "The leftover PostgreSQL (PID {}) did not stop within {} s; asking for a fast shutdown",
                pid,
                SMART_WAIT.toSeconds());
        signalInterrupt();
        if (awaitExit(process, FAST_WAIT)) {
            log.info(
                    "The leftover PostgreSQL (PID {}) stopped in {} ms (fast shutdown)",
                    pid,
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
            return;
        }
        throw new IllegalStateException("the leftover PostgreSQL (PID " + pid + ") of " + dataDir
                + " did not stop within " + (SMART_WAIT.plus(FAST_WAIT)).toSeconds() + " s; stop it (pg_ctl -D "
                + dataDir + " stop -m fast) and try again");
    }

    static List<String> commandLine(byte[] cmdline) {
        String text = new String(cmdline, StandardCharsets.UTF_8);
        return Arrays.stream(text.split("\0")).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Whether a process's arguments are those of the postmaster of {@code dir}: the program is {@code postgres} and
     * its {@code -D} (or {@code --pgdata}) names {@code dir}, as does the second line of the pid file.
     */
    static boolean isPostmasterOf(List<String> arguments, Path dir, List<String> pidFileLines) {
        if (arguments.isEmpty()
                || !Path.of(arguments.getFirst()).getFileName().toString().equals("postgres")) {
            return false;
        }
        if (pidFileLines.size() < 2 || !sameDir(pidFileLines.get(1).strip(), dir)) {
            return false;
        }
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if ((argument.equals("-D") || argument.equals("--pgdata"))
                    && i + 1 < arguments.size()
                    && sameDir(arguments.get(i + 1), dir)) {
                return true;
            }
            if (argument.startsWith("--pgdata=") && sameDir(argument.substring("--pgdata=".length()), dir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDir(String named, Path dir) {
        try {
            return Path.of(named).toAbsolutePath().normalize().equals(dir);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static IllegalStateException notOurs(Path pidFile, long pid, String what) {
        return new IllegalStateException(pidFile + " names PID " + pid + ", which is not the PostgreSQL of this data "
                + "dir (" + what + "); it was left alone. If no PostgreSQL runs on " + pidFile.getParent()
                + ", delete that file and start again");
    }

    /** SIGINT is PostgreSQL's fast shutdown; ProcessHandle only sends SIGTERM and SIGKILL, so kill(1) sends it. */
    private void signalInterrupt() {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("Could not send SIGINT to PID {}", pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the leftover PostgreSQL", e);
        }
    }

    /**
     * Polls every 100 ms: the postmaster is not this JVM's child, and ProcessHandle.onExit() of a non-child polls
     * with a growing back-off.
     */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the leftover PostgreSQL");
            }
        }
        return true;
    }
}
