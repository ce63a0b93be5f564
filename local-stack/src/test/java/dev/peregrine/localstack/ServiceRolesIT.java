package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "One role per service, owning its schema and nothing else": on the local stack's PostgreSQL, each of the five
 * services' roles runs its service's real Flyway migrations into its own schema, and each is refused every other
 * service's tables, the {@code public} schema, new schemas and temporary tables. Logins need their passwords; a data
 * dir from before the roles (schema and tables made by the superuser) is handed over to the role.
 */
class ServiceRolesIT {

    private static final String PERMISSION_DENIED = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    @TempDir
    static Path dataDir;

    /** A table of each service's schema, made by its migrations. */
    private static final Map<String, String> TABLES = Map.of(
            "ingest",
            "ingest.candles",
            "signal",
            "signal.signal_validations",
            "risk",
            "risk.decisions",
            "execution",
            "execution.orders",
            "monitor",
            "monitor.executions");

    private static PersistentPostgres postgres;
    private static final Map<String, DatabaseLogin> logins = new TreeMap<>();
    private static DatabaseLogin ingest;
    private static DatabaseLogin signal;

    @BeforeAll
    static void provisionEveryService() throws IOException {
        postgres = PersistentPostgres.start(dataDir.resolve("postgres"), freePort());
        for (SuiteService service : SuiteService.values()) {
            DatabaseLogin login = postgres.serviceLogin(service.schema());
            migrate(login, service.schema());
            logins.put(service.schema(), login);
        }
        ingest = logins.get("ingest");
        signal = logins.get("signal");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachRoleReadsAndWritesItsOwnSchema() throws SQLException {
        try (Connection connection = connect(ingest);
                Statement sql = connection.createStatement()) {
            assertThat(count(sql, "select count(*) from ingest.candles")).isZero();
            assertThat(single(sql, "select schema_owner from information_schema.schemata where schema_name = 'ingest'"))
                    .isEqualTo("ingest");
        }
        try (Connection connection = connect(signal);
                Statement sql = connection.createStatement()) {
            sql.execute("insert into signal.strategies (id, state, weight, reason, changed_by, changed_at)"
                    + " values ('roles-probe', 'ACTIVE', 0.5, 'ServiceRolesIT', 'signal', now())");
            assertThat(count(sql, "select count(*) from signal.strategies where id = 'roles-probe'"))
                    .isEqualTo(1);
            assertThat(count(sql, "select count(*) from signal.signal_validations"))
                    .isZero();
        }
    }

    @Test
    void everyServiceRoleReadsItsOwnTableAndIsRefusedEveryOtherServicesTable() throws SQLException {
        assertThat(logins.keySet()).containsExactlyInAnyOrderElementsOf(TABLES.keySet());
        for (Map.Entry<String, DatabaseLogin> role : logins.entrySet()) {
            try (Connection connection = connect(role.getValue());
                    Statement sql = connection.createStatement()) {
                assertThat(count(sql, "select count(*) from " + TABLES.get(role.getKey())))
                        .isZero();
                for (Map.Entry<String, String> table : TABLES.entrySet()) {
                    if (table.getKey().equals(role.getKey())) {
                        continue;
                    }
                    assertThatThrownBy(() -> sql.executeQuery("select count(*) from " + table.getValue()))
                            .as("%s reading %s", role.getKey(), table.getValue())
                            .isInstanceOfSatisfying(SQLException.class, e -> {
                                assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED);
                                assertThat(e.getMessage()).contains("permission denied for schema " + table.getKey());
                            });
                }
            }
        }
    }

    @Test
    void aServiceRoleCannotReadAnotherServicesSchema() throws SQLException {
        try (Connection connection = connect(ingest);
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select count(*) from signal.signal_validations"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED);
                        assertThat(e.getMessage()).contains("permission denied for schema signal");
                    });
        }
        try (Connection connection = connect(signal);
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select count(*) from ingest.candles"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
        }
    }

    @Test
    void aServiceRoleCanCreateNothingOutsideItsSchema() throws SQLException {
        try (Connection connection = connect(ingest);
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("create table public.stray (id int)"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
            assertThatThrownBy(() -> sql.execute("create schema stray"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
            assertThatThrownBy(() -> sql.execute("create temporary table stray (id int)"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
            assertThat(single(
                            sql,
                            "select rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls"
                                    + " from pg_roles where rolname = current_user"))
                    .isEqualTo("f");
        }
    }

    @Test
    void everyLoginNeedsItsPassword() throws IOException {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThatThrownBy(
                                () -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")
                                        .close())
                        .isInstanceOf(SQLException.class));
        assertThatThrownBy(() ->
                        connect(new DatabaseLogin("ingest", signal.password())).close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
        assertThatThrownBy(
                        () -> connect(new DatabaseLogin("postgres", "postgres")).close())
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));

        Path passwords = postgres.passwordFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(passwords))
                .contains("*:*:*:ingest:" + ingest.password(), "*:*:*:signal:" + signal.password(), "*:*:*:postgres:");
        assertThat(ingest.password()).isNotEqualTo(signal.password()).hasSize(64);
    }

    @Test
    void aSchemaTheSuperuserMadeBeforeRolesExistedIsHandedToItsRole() throws SQLException {
        try (Connection connection = connect(postgres.adminLogin());
                Statement sql = connection.createStatement()) {
            sql.execute("create schema legacy");
            sql.execute("create table legacy.decisions (id serial primary key, note text not null)");
            sql.execute("create view legacy.decision_notes as select note from legacy.decisions");
            sql.execute("insert into legacy.decisions (note) values ('from before')");
        }

        DatabaseLogin legacy = postgres.serviceLogin("legacy");

        try (Connection connection = connect(legacy);
                Statement sql = connection.createStatement()) {
            sql.execute("insert into legacy.decisions (note) values ('as its role')");
            assertThat(count(sql, "select count(*) from legacy.decision_notes")).isEqualTo(2);
            sql.execute("alter table legacy.decisions add column added text");
            assertThat(single(
                            sql,
                            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                    + " where n.nspname = 'legacy' and c.relowner <> 'legacy'::regrole"))
                    .isEqualTo("0");
        }
        try (Connection connection = connect(ingest);
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeQuery("select count(*) from legacy.decisions"))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED));
        }
        // Idempotent: provisioning again changes nothing and keeps the password.
        assertThat(postgres.serviceLogin("legacy")).isEqualTo(legacy);
    }

    private static void migrate(DatabaseLogin login, String schema) {
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(), login.username(), login.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .load()
                .migrate();
    }

    private static Connection connect(DatabaseLogin login) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), login.username(), login.password());
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
