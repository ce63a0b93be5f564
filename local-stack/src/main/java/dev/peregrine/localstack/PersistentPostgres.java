package dev.peregrine.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (embedded binaries) whose data directory survives restarts. zonky's
 * EmbeddedPostgres runs initdb only when the directory has no {@code postgresql.conf} (or when asked to
 * clean it, which is turned off here) and deletes nothing on close, so a second start serves the first
 * run's data.
 */
public final class PersistentPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    public static final String DATABASE = "peregrine";
    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Logger log = LoggerFactory.getLogger(PersistentPostgres.class);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private boolean stopped;

    private PersistentPostgres(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on 127.0.0.1:{@code port} with its data in {@code dataDir}, and creates {@value #DATABASE} if missing. */
    public static PersistentPostgres start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        boolean existing = Files.exists(dir.resolve("postgresql.conf"));
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky turns this off for test speed; here a commit a service acknowledged must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in " + dir
                    + " (is another local stack, or a postmaster left over from a killed one, still running? "
                    + "Check " + dir.resolve("postmaster.pid") + ")", e);
        }
        PersistentPostgres server = new PersistentPostgres(postgres, port, dir);
        try {
            server.createDatabaseIfMissing();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("PostgreSQL 127.0.0.1:{} started with {} data in {}", port, existing ? "existing" : "new", dir);
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A fast shutdown: open sessions are ended and everything committed is on disk. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        log.info("PostgreSQL 127.0.0.1:{} stopped", port);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE);
            }
            log.info("Created database {}", DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on port " + port, e);
        }
    }
}
