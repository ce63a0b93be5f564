package dev.peregrine.localstack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL role per service, owning its schema and nothing else, as CloudNativePG sets them up in
 * {@code k8s/postgres} ({@code managed.roles} and the {@code Database}'s schemas): a LOGIN role with no other
 * attribute (no superuser, CREATEDB, CREATEROLE, replication or RLS bypass; NOINHERIT; at most 20 connections), the
 * schema of the same name owned by it, and no privilege for anyone else on it. The database itself grants CONNECT
 * to the service roles only, and {@code public} grants nothing to anyone.
 *
 * <p>Run by an administrative (superuser) connection to the database, at every start; every step is idempotent.
 * Objects a data dir of an older local stack created in the schema as the superuser (when every service logged in
 * as {@code postgres}) are handed to the role, so the service keeps migrating and writing its own tables.
 *
 * <p>The password goes to the server as a SCRAM-SHA-256 verifier computed here (pgjdbc's
 * {@link PGConnection#alterUserPassword}), never as text in a statement that could end up in a server log.
 */
final class ServiceRoles {

    static final int CONNECTION_LIMIT = 20;

    private static final Logger log = LoggerFactory.getLogger(ServiceRoles.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private ServiceRoles() {}

    /**
     * Takes CONNECT and TEMPORARY on {@code database} and every privilege on schema {@code public} away from PUBLIC
     * (PostgreSQL grants them to every role by default), so a role has only what is granted to it by name.
     */
    static void lockDownDatabase(Connection admin, String database) throws SQLException {
        try (Statement sql = admin.createStatement()) {
            sql.execute("revoke all on database " + identifier(database) + " from public");
            sql.execute("revoke all on schema public from public");
        }
    }

    /**
     * Creates or updates {@code role}, sets its password, and makes it the owner of {@code schema} (created if
     * missing) and of everything in it; CONNECT on {@code database} is granted to it.
     */
    static void provision(Connection admin, String database, String role, String schema, String password)
            throws SQLException {
        String quotedRole = identifier(role);
        String quotedSchema = identifier(schema);
        String attributes = " with login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls"
                + " connection limit " + CONNECTION_LIMIT;
        try (Statement sql = admin.createStatement()) {
            sql.execute(
                    (exists(admin, "select 1 from pg_roles where rolname = ?", role) ? "alter role " : "create role ")
                            + quotedRole
                            + attributes);
            admin.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
            sql.execute("create schema if not exists " + quotedSchema + " authorization " + quotedRole);
            sql.execute("alter schema " + quotedSchema + " owner to " + quotedRole);
            sql.execute("revoke all on schema " + quotedSchema + " from public");
            sql.execute("grant connect on database " + identifier(database) + " to " + quotedRole);
            for (String statement : handOver(admin, quotedSchema, quotedRole)) {
                sql.execute(statement);
            }
        }
        log.info("PostgreSQL role {} owns schema {} and nothing else", role, schema);
    }

    /** ALTER ... OWNER statements for what in the schema another role owns (its tables' own sequences follow them). */
    private static List<String> handOver(Connection admin, String schema, String role) throws SQLException {
        List<String> statements = new ArrayList<>();
        String relations = """
                select format('alter %s %I.%I owner to %s',
                       case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                      when 'f' then 'foreign table' when 'S' then 'sequence' else 'table' end,
                       n.nspname, c.relname, ?)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relowner <> ?::regrole
                  and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
                  and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                           and d.objid = c.oid and d.deptype in ('a', 'i')))
                union all
                select format('alter routine %s owner to %s', p.oid::regprocedure, ?)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? and p.proowner <> ?::regrole
                union all
                select format('alter %s %s owner to %s', case t.typtype when 'd' then 'domain' else 'type' end,
                       t.oid::regtype, ?)
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = ? and t.typowner <> ?::regrole and t.typtype in ('e', 'd', 'r')
                """;
        String bareSchema = unquote(schema);
        String bareRole = unquote(role);
        try (PreparedStatement query = admin.prepareStatement(relations)) {
            for (int block = 0; block < 3; block++) {
                query.setString(block * 3 + 1, role);
                query.setString(block * 3 + 2, bareSchema);
                query.setString(block * 3 + 3, bareRole);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        if (!statements.isEmpty()) {
            log.info(
                    "Handing {} object(s) of schema {} created by another role over to {}",
                    statements.size(),
                    bareSchema,
                    bareRole);
        }
        return statements;
    }

    private static boolean exists(Connection admin, String query, String value) throws SQLException {
        try (PreparedStatement statement = admin.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** A lower-case name, double-quoted: the roles and schemas are the suite's own names, never user input. */
    static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
        return '"' + name + '"';
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }
}
