package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.platform.jdbc.JdbcTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Conversions between Java values and the column types of schema {@code ingest}. */
final class Sql {

    private Sql() {}

    /** Platform's {@link JdbcTime} does the conversion; these names keep the adapters' calls short. */
    static OffsetDateTime timestamp(Instant instant) {
        return JdbcTime.timestamptz(instant);
    }

    /** A nullable column: {@code null} for SQL NULL. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        return JdbcTime.instantOrNull(rs, column);
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    /** PostgreSQL text cannot hold NUL characters, which a garbage input line may contain. */
    static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
