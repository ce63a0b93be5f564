package dev.peregrine.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (embedded binaries) whose data directory survives restarts. zonky's
 * EmbeddedPostgres runs initdb only when the directory has no {@code postgresql.conf} (or when asked to
 * clean it, which is turned off here) and deletes nothing on close, so a second start serves the first
 * run's data.
 *
 * <p>A server left running by a stack that was killed is stopped first ({@link LeftoverPostmaster}). Every login
 * needs a password (scram-sha-256; initdb's {@code trust} is replaced in {@code pg_hba.conf}): the superuser's and
 * each service role's ({@link #serviceLogin}, {@link ServiceRoles}) are generated once per data dir into
 * {@code <data>/}{@value PostgresPasswords#FILE_NAME} ({@link PostgresPasswords}), beside the PostgreSQL directory.
 */
public final class PersistentPostgres implements AutoCloseable {

    public static final int DEFAULT_PORT = 15432;
    public static final String DATABASE = "peregrine";
    public static final String USERNAME = "postgres";

    /** Written over initdb's (which trusts every local login): passwords for everyone, over TCP and the socket. */
    static final String HBA = """
            # Written by the Peregrine local stack (PersistentPostgres) at every start; edits are overwritten.
            # Every login needs its password (scram-sha-256); they are in ../postgres.pgpass.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final Logger log = LoggerFactory.getLogger(PersistentPostgres.class);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private final PostgresPasswords passwords;
    private boolean stopped;

    private PersistentPostgres(EmbeddedPostgres postgres, int port, Path dataDir, PostgresPasswords passwords) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
        this.passwords = passwords;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1:{@code port} with its data in {@code dataDir}, and creates {@value #DATABASE}
     * if missing. A leftover server of the same data dir (its stack was killed) is stopped first.
     */
    public static PersistentPostgres start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        LeftoverPostmaster.stopIfRunning(dir);
        boolean existing = Files.exists(dir.resolve("postgresql.conf"));
        PostgresPasswords passwords = PostgresPasswords.load(passwordFile(dir));
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky turns this off for test speed; here a commit a service acknowledged must survive a crash.
                    .setServerConfig("synchronous_commit", "on")
                    // zonky's readiness check logs in as the superuser; pg_hba.conf asks it for the password.
                    .setConnectConfig("password", passwords.passwordOf(USERNAME))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "PostgreSQL did not start on port " + port + " with data in " + dir
                            + " (is another local stack, or a postmaster left over from a killed one, still running? "
                            + "Check " + dir.resolve("postmaster.pid") + ")",
                    e);
        }
        PersistentPostgres server = new PersistentPostgres(postgres, port, dir, passwords);
        try {
            server.requirePasswords();
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

    /** The password file of this data dir: {@code postgres.pgpass} beside the PostgreSQL directory. */
    static Path passwordFile(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolveSibling(PostgresPasswords.FILE_NAME);
    }

    public Path passwordFile() {
        return passwords.file();
    }

    /** The superuser's login: for setting up roles and for people, never for a service. */
    DatabaseLogin adminLogin() {
        return passwords.login(USERNAME);
    }

    /**
     * The login of the service whose schema is {@code schema}: a role of the same name that owns that schema and
     * nothing else, created or brought up to date here ({@link ServiceRoles}).
     */
    synchronized DatabaseLogin serviceLogin(String schema) {
        DatabaseLogin login = passwords.login(schema);
        try (Connection admin = connectAsAdmin(DATABASE)) {
            ServiceRoles.lockDownDatabase(admin, DATABASE);
            ServiceRoles.provision(admin, DATABASE, schema, schema, login.password());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot set up the PostgreSQL role of schema " + schema + " on port " + port, e);
        }
        return login;
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

    /**
     * Gives the superuser its password and replaces initdb's pg_hba.conf (trust for every local login) with
     * {@link #HBA}. A data dir from before (trusting, the superuser without a password) is brought up to it here.
     */
    private void requirePasswords() {
        try (Connection connection = connectAsAdmin("postgres")) {
            connection
                    .unwrap(org.postgresql.PGConnection.class)
                    .alterUserPassword(USERNAME, adminLogin().password().toCharArray(), "scram-sha-256");
            Path hba = dataDir.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                PrivateEnvFile.writeOwnerOnly(hba, HBA);
                try (Statement reload = connection.createStatement()) {
                    reload.execute("select pg_reload_conf()");
                }
                log.info("PostgreSQL now asks every login for its password (scram-sha-256; {})", passwords.file());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot log in to PostgreSQL on port " + port + " as " + USERNAME
                            + " with the password in " + passwords.file()
                            + " (was it deleted or replaced while the data dir "
                            + "was kept?)",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }

    private Connection connectAsAdmin(String database) throws SQLException {
        DatabaseLogin admin = adminLogin();
        return DriverManager.getConnection(jdbcUrl(database), admin.username(), admin.password());
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = connectAsAdmin("postgres");
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
