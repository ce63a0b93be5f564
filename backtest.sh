#!/usr/bin/env bash
# The research tools in one script (docs/backtesting.md). Subcommands:
#   run           backtest the services' own signal, risk and paper-venue code over Binance kline files; writes a
#                 self-contained HTML report with the trades and the equity curve as JSON and CSV (the default:
#                 no subcommand means run), e.g.
#                 ./backtest.sh run --symbols BTCUSDT,ETHUSDT --interval 15m --from 2024-01-01 --to 2025-06-30
#   walk-forward  walk-forward optimisation (WalkForwardMain): <run-id>.json, its results page and -chosen.yml
#   calibrate     walk-forward calibration of the validation's confidence (CalibrationMain)
#   train-ml      trains the ML filter's gradient-boosted model (TrainerMain)
#   results       the walk-forward results page from stored runs, one or several compared (WalkForwardResultsMain)
# ./backtest.sh --help lists them; ./backtest.sh <subcommand> --help shows a subcommand's options.
#
# Builds the backtest module and the modules it needs with the Maven wrapper (offline first, from ~/.m2) when any
# module's sources or poms changed since the last build; PEREGRINE_SKIP_BUILD=1 skips that.
# PEREGRINE_BACKTEST_BUILD_DIR names the backtest module's build folder when it is not backtest/target.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

usage() {
  cat <<'USAGE'
usage: ./backtest.sh [SUBCOMMAND] [OPTIONS...]
subcommands:
  run           backtest over kline files: HTML report, trades and equity as JSON and CSV (the default)
  walk-forward  walk-forward optimisation: <run-id>.json, <run-id>.html (results page), <run-id>-chosen.yml
  calibrate     walk-forward calibration of the validation's confidence: reliability, Brier score
  train-ml      train the ML filter's gradient-boosted model on past outcomes
  results       the walk-forward results page from stored run JSONs (one, or several compared)
./backtest.sh SUBCOMMAND --help shows a subcommand's options (docs/backtesting.md).
USAGE
}

# The subcommand's main class; no subcommand (the first argument an option, or none) is run, as before subcommands.
SUBCOMMAND=${1:-run}
case "${1:-}" in
  -h|--help|help) MAIN_CLASS=; shift ;;   # after the build, so `./backtest.sh --help` still builds the class path
  run) MAIN_CLASS=dev.peregrine.backtest.cli.BacktestMain; shift ;;
  walk-forward) MAIN_CLASS=dev.peregrine.backtest.research.run.WalkForwardMain; shift ;;
  calibrate) MAIN_CLASS=dev.peregrine.backtest.research.run.CalibrationMain; shift ;;
  train-ml) MAIN_CLASS=dev.peregrine.backtest.ml.TrainerMain; shift ;;
  results) MAIN_CLASS=dev.peregrine.backtest.report.WalkForwardResultsMain; shift ;;
  ''|-*) MAIN_CLASS=dev.peregrine.backtest.cli.BacktestMain; SUBCOMMAND=run ;;
  *) echo "backtest.sh: unknown subcommand '$1'" >&2; usage >&2; exit 2 ;;
esac
readonly MAIN_CLASS

readonly BUILD_DIR=${PEREGRINE_BACKTEST_BUILD_DIR:-backtest/target}
readonly CLASSPATH_FILE=$BUILD_DIR/backtest.classpath

# A JDK 21 or newer: JAVA_HOME, else the one on the PATH, else the project's usual install.
find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
                   /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -n "$candidate" && -x "$candidate/bin/javac" ]] || continue
    if "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
      echo "$candidate"
      return
    fi
  done
  echo "backtest.sh: needs a JDK 21 or newer; set JAVA_HOME to one." >&2
  exit 1
}

JAVA_HOME=$(find_java)
export JAVA_HOME

# Maven offline first (everything is usually in ~/.m2 already), online if that fails.
mvn_quietly() {
  ./mvnw -B -q -o "$@" || { echo "backtest.sh: offline build failed, trying online..." >&2; ./mvnw -B -q "$@"; }
}

needs_build() {
  [[ ! -f "$CLASSPATH_FILE" || ! -d "$BUILD_DIR/classes" ]] && return 0
  [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$CLASSPATH_FILE" -print -quit 2>/dev/null)" ]]
}

if [[ "${PEREGRINE_SKIP_BUILD:-0}" != "1" ]] && needs_build; then
  echo "backtest.sh: building the backtest module and what it needs (PEREGRINE_SKIP_BUILD=1 skips this)..." >&2
  if [[ "$BUILD_DIR" == "backtest/target" ]]; then
    mvn_quietly -pl backtest -am -Dmaven.test.skip=true install
  fi
  mvn_quietly -pl backtest -Dperegrine.build.dir="$(readlink -f "$BUILD_DIR")" -Dmaven.test.skip=true compile \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$(readlink -f "$BUILD_DIR")/backtest.classpath"
fi

if [[ -z "$MAIN_CLASS" ]]; then
  usage
  exit 0
fi

if [[ ! -f "$CLASSPATH_FILE" ]]; then
  echo "backtest.sh: $CLASSPATH_FILE is missing; run without PEREGRINE_SKIP_BUILD=1 once." >&2
  exit 1
fi

terminal=false
[[ -t 2 ]] && terminal=true
exec "$JAVA_HOME/bin/java" -Dbacktest.terminal="$terminal" -cp "$BUILD_DIR/classes:$(cat "$CLASSPATH_FILE")" \
  "$MAIN_CLASS" "$@"
