package dev.peregrine.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from PostgreSQL {@code timestamptz}, written once for every service: the driver speaks
 * {@link OffsetDateTime}, not {@link Instant}. A NULL is a Java {@code null} both ways in the {@code OrNull}
 * methods; {@link #instant} is for NOT NULL columns and says which column broke that promise.
 */
public final class JdbcTime {

    private JdbcTime() {}

    /** The parameter for a {@code timestamptz} column, in UTC; {@code null} stays {@code null} (SQL NULL). */
    public static OffsetDateTime timestamptz(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A NOT NULL {@code timestamptz} column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Instant value = instantOrNull(rs, column);
        if (value == null) {
            throw new SQLException("column " + column + " is NULL, but it is read as a required instant");
        }
        return value;
    }

    /** A nullable {@code timestamptz} column: {@code null} for SQL NULL. */
    public static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
