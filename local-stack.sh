#!/usr/bin/env bash
# Runs the whole Peregrine suite on this machine: Kafka and PostgreSQL embedded, with their data under
# ./.local-stack (kept between runs), and the five services in one JVM. Ctrl-C stops everything cleanly. After a
# kill (SIGKILL, out of memory) the next start stops the PostgreSQL the dead stack left running on its data dir
# (docs/deploy.md, "The local stack after a crash"). Each service logs in to PostgreSQL as its own role; the
# passwords are generated into <data dir>/postgres.pgpass (docs/security.md, "PostgreSQL roles").
#
#   ./local-stack.sh [--market-data=binance|replay|exchange-sim] [--symbols=A,B] [--replay=FILE] [--speed=N]
#                    [--data-dir=PATH] [--venue=paper|exchange-sim] [--exchange-sim] [--help]
#
# --exchange-sim runs the live path offline: exchange-sim (the bundled Binance simulator) serves the recorded klines
# on today's clock, ingest reads its streams and execution trades on it as venue BINANCE with a key made per run.
#
# Builds the project first (./mvnw -B -q -DskipTests install); PEREGRINE_SKIP_BUILD=1 skips that.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly FALLBACK_JDK=/usr/lib/jvm/temurin-25-jdk-amd64
readonly JAR=local-stack/target/local-stack-exec.jar

# Prints the major version of the given java binary (8 for 1.8), or nothing if it does not run.
java_major() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p') || true
  version=${version#1.}
  echo "${version%%.*}"
}

is_jdk_21_or_newer() {
  local home=$1 major
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  major=$(java_major "$home/bin/java")
  [[ -n "$major" && "$major" -ge 21 ]]
}

pick_jdk() {
  if [[ -n "${JAVA_HOME:-}" ]] && is_jdk_21_or_newer "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    return
  fi
  local on_path
  if on_path=$(command -v javac 2>/dev/null); then
    on_path=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if is_jdk_21_or_newer "$on_path"; then
      echo "$on_path"
      return
    fi
  fi
  if is_jdk_21_or_newer "$FALLBACK_JDK"; then
    echo "$FALLBACK_JDK"
    return
  fi
  echo "local-stack.sh: needs a JDK 21 or newer; set JAVA_HOME to one (found none in JAVA_HOME, on the PATH or at $FALLBACK_JDK)." >&2
  exit 1
}

JAVA_HOME=$(pick_jdk)
export JAVA_HOME

wants_help=false
for arg in "$@"; do
  [[ "$arg" == "--help" || "$arg" == "-h" ]] && wants_help=true
done

if [[ "${PEREGRINE_SKIP_BUILD:-0}" != "1" ]] && ! { $wants_help && [[ -f "$JAR" ]]; }; then
  echo "local-stack.sh: building with $JAVA_HOME (PEREGRINE_SKIP_BUILD=1 skips this)..." >&2
  ./mvnw -B -q -DskipTests install
fi

if [[ ! -f "$JAR" ]]; then
  echo "local-stack.sh: $JAR is missing; build it with ./mvnw -B -DskipTests install (or unset PEREGRINE_SKIP_BUILD)." >&2
  exit 1
fi

exec "$JAVA_HOME/bin/java" -jar "$JAR" "$@"
