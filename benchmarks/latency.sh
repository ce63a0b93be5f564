#!/usr/bin/env bash
# Measures candle -> order intent latency through the whole suite (issue 14; docs/performance.md, "Candle-to-intent
# latency"): embedded Kafka and PostgreSQL and the five services in one JVM, real closed candles of the five 15m
# files of ../shared/data/binance/klines published to market.candles.v1 on a fixed schedule, every order intent on
# orders.intents.v1 traced back to its candle, HdrHistograms per stage, corrected for coordinated omission.
#
#   benchmarks/latency.sh [--rate=1000] [--duration=10m] [--warmup=30s] [--series=5] [--prime-bars=300]
#                         [--progress=10s] [--drain-timeout=60s] [--jfr]
#
# Builds benchmarks and the modules it needs first (nothing installed); PEREGRINE_SKIP_BUILD=1 skips that and uses
# what is built. --jfr also records a Java Flight Recording of the run (latency.jfr beside the log). The report
# and the log go to benchmarks/target/latency/<time>/. Exit status: 0 when every intent was matched to its candle,
# 1 otherwise, 2 for a bad command line.
set -euo pipefail

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"  # --help reads it after the cd
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/build-classpath.sh
source benchmarks/lib/build-classpath.sh
peregrine_java_home latency.sh

options=()
jfr=0
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,13p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --jfr) jfr=1 ;;
    *) options+=("$arg") ;;
  esac
done

out="benchmarks/target/latency/$(date -u +%Y%m%dT%H%M%SZ)"
peregrine_build_classpath latency.sh "$out"

jvm=(-Xms2g -Xmx4g)
if [[ $jfr == 1 ]]; then
  jvm+=("-XX:StartFlightRecording=filename=$out/latency.jfr,settings=profile,dumponexit=true")
fi
{
  echo "# Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)); JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "# Command: benchmarks/latency.sh ${options[*]:-}"
} > "$out/latency.log"
echo "latency.sh: running (log: $out/latency.log)" >&2
status=0
"$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$classpath" dev.peregrine.benchmarks.latency.CandleToIntentHarness \
    "${options[@]}" >> "$out/latency.log" 2>&1 || status=$?
sed -n '/^## Candle -> intent/,$p' "$out/latency.log" | tee "$out/report.md"
grep -E '^# ' "$out/latency.log" | tail -3 >&2 || true
echo "latency.sh: log and report in $out" >&2
exit $status
