package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.testkit.InfrastructureEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A new, empty database on the PostgreSQL server testkit gives, so that the services start with empty stores even
 * when another test in the same JVM (the replay audit) already ran the suite on that server's default database.
 * Kafka stays shared: the services' consumer groups resume behind what earlier runs published.
 */
final class PrivateDatabase {

    private PrivateDatabase() {}

    static InfrastructureEndpoints create(InfrastructureEndpoints shared) throws SQLException {
        String name = String.format(
                Locale.ROOT, "cross_check_%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        try (Connection connection =
                        DriverManager.getConnection(shared.jdbcUrl(), shared.jdbcUsername(), shared.jdbcPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return new InfrastructureEndpoints(
                shared.kafkaBootstrapServers(),
                withDatabase(shared.jdbcUrl(), name),
                shared.jdbcUsername(),
                shared.jdbcPassword());
    }

    /** {@code jdbc:postgresql://host:port/db?params} with another database. */
    static String withDatabase(String jdbcUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int slash = jdbcUrl.indexOf('/', prefix.length());
        int query = jdbcUrl.indexOf('?', prefix.length());
        String hostPort =
                jdbcUrl.substring(prefix.length(), slash >= 0 ? slash : query >= 0 ? query : jdbcUrl.length());
        String params = query >= 0 ? jdbcUrl.substring(query) : "";
        return prefix + hostPort + "/" + database + params;
    }
}
