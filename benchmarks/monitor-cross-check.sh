#!/usr/bin/env bash
# Cross-check of the monitor against SignalGradeReport (docs/monitoring.md, "Cross-check against SignalGradeReport"):
# replays a Binance kline file (or its first N candles) through the whole suite, with the monitor's round-trip cost at
# 0, and compares per grade the monitor's 4 h outcomes (count, hit rate, mean gross forward return; its table and
# GET /api/v1/quality?groupBy=grade) with SignalGradeReport's on the same candles, signal by signal.
#
#   benchmarks/monitor-cross-check.sh [FILE...] [--candles N] [--quiet=20s] [--timeout=90m] [--progress=30s]
#
# Without FILE: the five shared files ../shared/data/binance/klines/{BTC,ETH,SOL,BNB,XRP}USDT-15m.csv.gz, one JVM each,
# one after another. Builds benchmarks and the modules it needs first (PEREGRINE_SKIP_BUILD=1 uses what is built).
# Logs go to benchmarks/target/monitor-cross-check/<time>/. Exit status: 0 when both sides agree on every file; 3 when
# they differ only in the grades of signals on candles ingest flagged (the report reads the raw file, signal-service
# grades a flagged candle F; with ingest's flags they agree); 1 when any file differs otherwise or did not drain; 2 for
# a bad command line.
set -euo pipefail

caller=$PWD
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"  # --help reads it after the cd
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/build-classpath.sh
source benchmarks/lib/build-classpath.sh
# shellcheck source=lib/kline-arguments.sh
source benchmarks/lib/kline-arguments.sh
peregrine_java_home monitor-cross-check.sh

peregrine_kline_arguments monitor-cross-check.sh "$self" 2,14 "$caller" "$@"

out="benchmarks/target/monitor-cross-check/$(date -u +%Y%m%dT%H%M%SZ)"
peregrine_build_classpath monitor-cross-check.sh "$out"

status=0
for file in "${files[@]}"; do
  name=$(basename "$file")
  log="$out/${name%%.*}.log"
  echo "monitor-cross-check.sh: $name (log: $log)" >&2
  rc=0
  "$JAVA_HOME/bin/java" -Xms1g -Xmx4g -cp "$classpath" dev.peregrine.benchmarks.crosscheck.MonitorCrossCheck \
      "$file" "${options[@]}" > "$log" 2>&1 || rc=$?
  if [[ $rc -eq 3 && $status -eq 0 ]]; then
    status=3
  elif [[ $rc -ne 0 && $rc -ne 3 ]]; then
    status=1
  fi
  # The comparison table and the verdict; the services' logs stay in the log file.
  sed -n '/^## .*SignalGradeReport vs monitor/,/^RESULT /p' "$log"
  grep -qE '^RESULT ' "$log" || { echo "RESULT $name: FAIL (no result; see $log)"; status=1; }
done
echo "monitor-cross-check.sh: logs in $out" >&2
exit $status
