package dev.peregrine.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * The part of a local stack that outlives it, in a JVM of its own for {@link CrashRestartIT} to kill: starts the
 * persistent PostgreSQL on a data dir exactly as the local stack does, commits a row as ingest's role, writes
 * {@code <data>/ready}, then waits to be killed. Arguments: data dir, PostgreSQL port.
 */
public final class CrashedStack {

    static final String READY_FILE = "ready";

    private CrashedStack() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        PersistentPostgres postgres = PersistentPostgres.start(dataDir.resolve("postgres"), Integer.parseInt(args[1]));
        DatabaseLogin ingest = postgres.serviceLogin("ingest");
        try (Connection connection =
                        DriverManager.getConnection(postgres.jdbcUrl(), ingest.username(), ingest.password());
                Statement sql = connection.createStatement()) {
            sql.execute("create table ingest.crash_probe (id int primary key, note text not null)");
            sql.execute("insert into ingest.crash_probe values (1, 'committed before the kill')");
        }
        Files.writeString(
                dataDir.resolve(READY_FILE),
                String.valueOf(ProcessHandle.current().pid()));
        new CountDownLatch(1).await();
    }
}
