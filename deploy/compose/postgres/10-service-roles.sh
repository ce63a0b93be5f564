#!/usr/bin/env bash
# docker-compose.yml mounts this into the postgres container's /docker-entrypoint-initdb.d: it runs once, when the
# container initialises an empty data volume, as the superuser. It sets up what docs/security.md ("PostgreSQL roles")
# describes, as the local stack's ServiceRoles does: one LOGIN role per service, named after its schema, owning that
# schema and nothing else; no privilege for PUBLIC on the database or on schema public. Each role's password is read
# from its secret file (deploy/compose/init-secrets.sh), passed to psql through the environment (not the command
# line) and stored as a SCRAM-SHA-256 verifier. Idempotent: on an existing volume run it by hand with
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-service-roles.sh
set -euo pipefail

roles=(ingest signal risk execution monitor)
database="${POSTGRES_DB:-peregrine}"
superuser="${POSTGRES_USER:-peregrine}"
# Where compose mounts the secrets; another directory only to try the script outside a container.
secrets="${PEREGRINE_SECRETS_DIR:-/run/secrets}"

for role in "${roles[@]}"; do
    password_file="$secrets/db-$role"
    if [ ! -s "$password_file" ]; then
        echo "10-service-roles: $password_file is missing or empty: run deploy/compose/init-secrets.sh" >&2
        exit 1
    fi
    PEREGRINE_ROLE_PASSWORD="$(cat "$password_file")" psql -v ON_ERROR_STOP=1 -q --username "$superuser" \
        --dbname "$database" -v role="$role" -v database="$database" <<'SQL'
set client_min_messages = warning;
\getenv password PEREGRINE_ROLE_PASSWORD
select format('create role %I', :'role') where not exists (select 1 from pg_roles where rolname = :'role') \gexec
alter role :"role" with login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls connection limit 20;
set password_encryption = 'scram-sha-256';
alter role :"role" password :'password';
\unset password
create schema if not exists :"role" authorization :"role";
alter schema :"role" owner to :"role";
revoke all on schema :"role" from public;
grant connect on database :"database" to :"role";
SQL
    echo "10-service-roles: role $role owns schema $role and nothing else"
done

psql -v ON_ERROR_STOP=1 -q --username "$superuser" --dbname "$database" -v database="$database" <<'SQL'
revoke all on database :"database" from public;
revoke all on schema public from public;
SQL
