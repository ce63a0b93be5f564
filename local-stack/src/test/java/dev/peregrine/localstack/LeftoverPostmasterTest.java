package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which process a pid file may get stopped: only a postgres of this very data dir, never anything else. */
class LeftoverPostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void noPidFileMeansNothingToStop() {
        assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();
        assertThat(LeftoverPostmaster.stopIfRunning(dataDir)).isEmpty();
    }

    @Test
    void aPidThatNoLongerRunsIsLeftForPostgresToClearUp() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writePidFile(finished.pid(), dataDir);

        assertThat(LeftoverPostmaster.find(dataDir)).isEmpty();
        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }

    @Test
    void aRunningProcessThatIsNotThisDataDirsPostgresIsLeftAlone() throws IOException {
        long self = ProcessHandle.current().pid();
        writePidFile(self, dataDir);

        assertThatThrownBy(() -> LeftoverPostmaster.stopIfRunning(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names PID " + self + ", which is not the PostgreSQL of this data dir")
                .hasMessageContaining("left alone");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aServerWhoseStackStillHoldsTheDataDirLockIsNotALeftover() throws IOException {
        writePidFile(ProcessHandle.current().pid(), dataDir);

        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve(LeftoverPostmaster.STACK_LOCK),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertThat(held.isValid()).isTrue();
            // The running stack's server is left alone: not stopped, and no complaint about the PID either.
            assertThat(LeftoverPostmaster.stopIfRunning(dataDir)).isEmpty();
        }
        // Once no stack holds the lock, the same pid file is judged (and here refused: the PID is this JVM).
        assertThatThrownBy(() -> LeftoverPostmaster.stopIfRunning(dataDir)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPostmasterIsRecognisedByItsProgramAndDataDir() {
        Path dir = Path.of("/srv/stack/postgres");
        List<String> pidFile = List.of("4242", "/srv/stack/postgres", "1700000000", "15432");

        assertThat(LeftoverPostmaster.isPostmasterOf(
                        List.of("/tmp/embedded-pg/PG-1/bin/postgres", "-D", "/srv/stack/postgres", "-p", "15432"),
                        dir,
                        pidFile))
                .isTrue();
        assertThat(LeftoverPostmaster.isPostmasterOf(
                        List.of("/usr/bin/postgres", "--pgdata=/srv/stack/postgres/"), dir, pidFile))
                .isTrue();
        // Another data dir, another program, or a pid file of another data dir: not ours.
        assertThat(LeftoverPostmaster.isPostmasterOf(
                        List.of("/usr/bin/postgres", "-D", "/srv/other/postgres"), dir, pidFile))
                .isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf(
                        List.of("/usr/bin/java", "-D", "/srv/stack/postgres"), dir, pidFile))
                .isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf(
                        List.of("/usr/bin/postgres", "-D", "/srv/stack/postgres"),
                        dir,
                        List.of("4242", "/srv/other/postgres")))
                .isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf(List.of(), dir, pidFile)).isFalse();
    }

    @Test
    void theCommandLineIsSplitAtNulBytes() {
        byte[] cmdline = "/bin/postgres\0-D\0/srv/stack/postgres\0".getBytes(StandardCharsets.UTF_8);

        assertThat(LeftoverPostmaster.commandLine(cmdline))
                .containsExactly("/bin/postgres", "-D", "/srv/stack/postgres");
    }

    private static void writePidFile(long pid, Path dir) throws IOException {
        Files.writeString(
                dir.resolve("postmaster.pid"),
                pid + "\n" + dir.toAbsolutePath().normalize() + "\n1700000000\n15432\n/tmp\n127.0.0.1\n0 0\nready\n");
    }
}
