package dev.peregrine.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link JdbcTime} against the real PostgreSQL driver and a {@code timestamptz} column, with the session not in UTC. */
class JdbcTimeIT {

    @Test
    void instantsGoInAndComeOutUnchangedAndNullStaysNull() throws SQLException {
        InfrastructureEndpoints endpoints = RealInfrastructure.get();
        Instant instant = Instant.parse("2025-03-30T01:30:00.123456Z"); // microseconds: what timestamptz keeps
        try (Connection connection =
                DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.jdbcUsername(), endpoints.jdbcPassword())) {
            connection.createStatement().execute("SET TIME ZONE 'Europe/Berlin'");
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ?::timestamptz AS at, ?::timestamptz AS missing, ?::timestamptz = '2025-03-30T01:30:00.123456Z' AS same")) {
                statement.setObject(1, JdbcTime.timestamptz(instant));
                statement.setObject(2, JdbcTime.timestamptz(null));
                statement.setObject(3, JdbcTime.timestamptz(instant));
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(JdbcTime.instant(rs, "at")).isEqualTo(instant);
                    assertThat(JdbcTime.instantOrNull(rs, "at")).isEqualTo(instant);
                    assertThat(JdbcTime.instantOrNull(rs, "missing")).isNull();
                    assertThat(rs.getBoolean("same")).isTrue();
                    assertThatThrownBy(() -> JdbcTime.instant(rs, "missing"))
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("column missing is NULL");
                }
            }
        }
    }
}
