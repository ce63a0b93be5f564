#!/usr/bin/env bash
# Measures candle -> order intent latency through the whole suite (issue 14; docs/performance.md, "Candle-to-intent
# latency"): embedded Kafka and PostgreSQL and the five services in one JVM, real closed candles of the five 15m
# files of ../shared/data/binance/klines published to market.candles.v1 on a fixed schedule, every order intent on
# orders.intents.v1 traced back to its candle, HdrHistograms per stage, corrected for coordinated omission.
#
#   benchmarks/latency.sh [--rate=1000] [--duration=10m] [--warmup=30s] [--series=5] [--prime-bars=300]
#                         [--progress=10s] [--drain-timeout=60s] [--jfr]
#   benchmarks/latency.sh --three-rates [--duration=2m] [other options]   # 100, 1,000 and 5,000 candles/s in turn
#
# Builds benchmarks and the modules it needs first (nothing installed); PEREGRINE_SKIP_BUILD=1 skips that and uses
# what is built. --jfr also records a Java Flight Recording of each run (latency-<rate>.jfr beside the log). The
# reports (stages from candle to the venue's report, p50/p99/p99.9, CPU per stage) and the logs go to
# benchmarks/target/latency/<time>/. Exit status: 0 when every intent was matched to its candle, 1 otherwise, 2 for
# a bad command line.
set -euo pipefail

self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"  # --help reads it after the cd
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=lib/build-classpath.sh
source benchmarks/lib/build-classpath.sh
peregrine_java_home latency.sh

options=()
jfr=0
rates=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,15p' "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --jfr) jfr=1 ;;
    --three-rates) rates=(100 1000 5000) ;;
    *) options+=("$arg") ;;
  esac
done
if [[ ${#rates[@]} -gt 0 ]]; then
  has_duration=0
  for arg in "${options[@]}"; do
    [[ $arg == --rate=* ]] && { echo "latency.sh: --three-rates sets the rates itself" >&2; exit 2; }
    [[ $arg == --duration=* ]] && has_duration=1
  done
  [[ $has_duration == 1 ]] || options+=(--duration=2m)
else
  rates=("")
fi

out="benchmarks/target/latency/$(date -u +%Y%m%dT%H%M%SZ)"
peregrine_build_classpath latency.sh "$out"

status=0
for rate in "${rates[@]}"; do
  run=("${options[@]}")
  suffix=""
  if [[ -n $rate ]]; then
    run+=("--rate=$rate")
    suffix="-$rate"
  fi
  jvm=(-Xms2g -Xmx4g)
  if [[ $jfr == 1 ]]; then
    jvm+=("-XX:StartFlightRecording=filename=$out/latency$suffix.jfr,settings=profile,dumponexit=true")
  fi
  log="$out/latency$suffix.log"
  {
    echo "# Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)); JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# Command: benchmarks/latency.sh ${run[*]:-}"
  } > "$log"
  echo "latency.sh: running ${rate:-the given rate} (log: $log)" >&2
  "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$classpath" dev.peregrine.benchmarks.latency.CandleToIntentHarness \
      "${run[@]}" >> "$log" 2>&1 || status=$?
  echo "# Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$log"
  sed -n '/^## Candle -> intent/,/^VERDICT/p' "$log" | tee -a "$out/report.md"
  grep -E '^# ' "$log" | tail -3 >&2 || true
done
echo "latency.sh: logs and report.md in $out" >&2
exit $status
