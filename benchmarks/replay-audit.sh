#!/usr/bin/env bash
# Replays Binance 15m kline files through the whole Peregrine suite, one file per run with a fresh book (a new JVM,
# new embedded Kafka and PostgreSQL each time), and audits each run from the services' own stores and APIs:
# gross exposure within its limit, no sale beyond what a strategy holds, P&L adding up to the change in equity,
# GET /api/v1/portfolio showing that equity; then the figures per strategy. See docs/risk.md, "Replaying the
# shared data".
#
#   benchmarks/replay-audit.sh [FILE...] [--candles=N] [--quiet=20s] [--timeout=90m] [--progress=30s]
#
# Without FILE: the five shared files ../shared/data/binance/klines/{BTC,ETH,SOL,BNB,XRP}USDT-15m.csv.gz, one after
# another (never in parallel: each run uses both cores). Options go to every run. Builds benchmarks and the modules
# it needs first (./mvnw -B -q -pl benchmarks -am package -DskipTests, nothing installed); PEREGRINE_SKIP_BUILD=1
# skips that and uses what is built. Logs and summary.md go to benchmarks/target/replay-audit/<time>/.
# Exit status: 0 when every run passed every check, 1 otherwise, 2 for a bad command line.
set -euo pipefail

caller=$PWD
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"  # --help reads it after the cd
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/build-classpath.sh
source benchmarks/lib/build-classpath.sh
# shellcheck source=lib/kline-arguments.sh
source benchmarks/lib/kline-arguments.sh
peregrine_java_home replay-audit.sh

peregrine_kline_arguments replay-audit.sh "$self" 2,15 "$caller" "$@"

out="benchmarks/target/replay-audit/$(date -u +%Y%m%dT%H%M%SZ)"
peregrine_build_classpath replay-audit.sh "$out"

{
  echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)),"
  free -h | sed -n '1,2p'
  echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
} > "$out/summary.md"

status=0
for file in "${files[@]}"; do
  name=$(basename "$file")
  echo "replay-audit.sh: $name (log: $out/${name%%.*}.log)" >&2
  if ! "$JAVA_HOME/bin/java" -Xms1g -Xmx4g -cp "$classpath" dev.peregrine.benchmarks.audit.ReplayAuditHarness \
      "$file" "${options[@]}" --summary="$out/summary.md" > "$out/${name%%.*}.log" 2>&1; then
    status=1
  fi
  grep -E '^RESULT ' "$out/${name%%.*}.log" >&2 || { echo "RESULT $name: FAIL (no result; see the log)" >&2; status=1; }
done
cat "$out/summary.md"
echo "replay-audit.sh: logs and summary in $out" >&2
exit $status
