#!/usr/bin/env bash
# Checks the Prometheus configuration and alerting/recording rules, and runs the rules' unit tests:
#   promtool check config deploy/prometheus/prometheus.yml   (also checks the rule files it references)
#   promtool check rules  deploy/prometheus/rules/*.yml
#   promtool test rules   deploy/prometheus/tests/*.yml
#   amtool check-config   deploy/alertmanager/alertmanager.yml  (only when amtool is installed)
# Exits non-zero when a check fails. Without promtool on the PATH it says so and exits 0: the checks are skipped,
# not passed. (Debian/Ubuntu: apt-get install prometheus; or the promtool binary of a Prometheus release.)
# local-stack's PrometheusRulesTest runs this script when promtool is installed, so `./mvnw verify` runs it too.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v promtool > /dev/null 2>&1; then
    echo "promtool not installed: skipped"
    exit 0
fi

echo "== $(promtool --version 2>&1 | head -n 1)"
shopt -s nullglob
rules=(deploy/prometheus/rules/*.yml)
tests=(deploy/prometheus/tests/*.yml)
if [ ${#rules[@]} -eq 0 ] || [ ${#tests[@]} -eq 0 ]; then
    echo "no rule files or no rule tests under deploy/prometheus" >&2
    exit 1
fi

echo "== promtool check config deploy/prometheus/prometheus.yml"
promtool check config deploy/prometheus/prometheus.yml
echo "== promtool check rules ${rules[*]}"
promtool check rules "${rules[@]}"
echo "== promtool test rules ${tests[*]}"
promtool test rules "${tests[@]}"

if command -v amtool > /dev/null 2>&1; then
    echo "== amtool check-config deploy/alertmanager/alertmanager.yml"
    amtool check-config deploy/alertmanager/alertmanager.yml
else
    echo "amtool not installed: alertmanager.yml not checked"
fi
echo "== all Prometheus checks passed"
