#!/usr/bin/env bash
# docker-compose.yml's one-shot `kafka-init` service: as peregrine-admin (the only super user), creates every topic of
# topics.txt that is missing and grants the ACLs of acls.txt (common's TopicAccess). The services start only after it
# has finished: none of them may create a topic, and without its ACLs the broker refuses a user everything.
# Granting is idempotent; an ACL that TopicAccess no longer lists is NOT removed from an existing volume
# (docs/deploy.md, "docker compose").
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
admin_config="${KAFKA_ADMIN_CONFIG:-/run/secrets/kafka-admin-client.properties}"
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin=/opt/kafka/bin
partitions=3
replication_factor=1

existing="$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --list)"
created=0
while read -r topic; do
    case "$topic" in ''|'#'*) continue ;; esac
    if ! grep -qxF "$topic" <<< "$existing"; then
        "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --create \
            --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor "$replication_factor"
        created=$((created + 1))
    fi
done < "$dir/topics.txt"
echo "kafka-init: $created topic(s) created"

# One kafka-acls.sh call per (principal, resource type, pattern type, operation): each call starts a JVM.
# Operations as kafka-acls.sh spells them: Read, Write, Describe.
groups="$(grep -v '^#' "$dir/acls.txt" | awk 'NF { print $1, $2, $3, $5 }' | sort -u)"
count=0
while read -r principal type pattern operation; do
    args=()
    while read -r p t pt name op; do
        if [ "$p" = "$principal" ] && [ "$t" = "$type" ] && [ "$pt" = "$pattern" ] && [ "$op" = "$operation" ]; then
            if [ "$type" = TOPIC ]; then args+=(--topic "$name"); else args+=(--group "$name"); fi
            count=$((count + 1))
        fi
    done < <(grep -v '^#' "$dir/acls.txt" | awk 'NF')
    spelled="${operation,,}"
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add \
        --allow-principal "User:$principal" --operation "${spelled^}" \
        --resource-pattern-type "${pattern,,}" "${args[@]}" > /dev/null
done <<< "$groups"
echo "kafka-init: $count ACL(s) of TopicAccess granted"
