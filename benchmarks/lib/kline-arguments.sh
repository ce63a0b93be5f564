# Sourced by the benchmark scripts that replay Binance kline files through the suite (replay-audit.sh,
# monitor-cross-check.sh): the command line they share, read in one place so that both accept the same.
#
#   peregrine_kline_arguments SCRIPT SELF HELP_LINES CALLER [ARG...]
#       reads ARG...: FILE... (a relative one from CALLER, the directory the script was called from), --candles N
#       (passed on as --candles=N), any other --option passed on to every run as it is, -h/--help printing lines
#       HELP_LINES (a sed range, e.g. 2,14) of SELF without their '# '. Sets the arrays `files` (the five shared
#       15m files when none is given) and `options`. Exits 2, naming SCRIPT, when a file cannot be read.

peregrine_kline_arguments() {
  local script=$1 self=$2 help_lines=$3 caller=$4
  shift 4
  files=()
  options=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -h|--help) sed -n "${help_lines}p" "$self" | sed 's/^# \{0,1\}//'; exit 0 ;;
      --candles) [[ $# -ge 2 ]] || { echo "$script: --candles needs a number" >&2; exit 2; }
                 options+=("--candles=$2"); shift ;;
      --*) options+=("$1") ;;
      /*) files+=("$1") ;;
      *) files+=("$caller/$1") ;;
    esac
    shift
  done
  if [[ ${#files[@]} -eq 0 ]]; then
    local symbol
    for symbol in BTCUSDT ETHUSDT SOLUSDT BNBUSDT XRPUSDT; do
      files+=("../shared/data/binance/klines/$symbol-15m.csv.gz")
    done
  fi
  local file
  for file in "${files[@]}"; do
    [[ -r "$file" ]] || { echo "$script: cannot read $file (the shared data lives in ../shared/data)" >&2; exit 2; }
  done
}
