#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each, then prints the summary table.
#
#   .fuzz/run-all.sh SECONDS [libFuzzer flags...]
#
# Targets are built first, all at once. Extra flags go to every run; for long runs
# `-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1` (with FUZZ_KEEP_GOING=1) keeps
# a target fuzzing after its first finding.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$FUZZ_DIR")"
# shellcheck source=targets.sh
source "$FUZZ_DIR/targets.sh"

if [ $# -lt 1 ]; then
    echo "usage: $0 SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
seconds="$1"
shift

"$FUZZ_DIR/build.sh" "${ALL_TARGETS[@]}" >&2
summaries=()
for target in "${ALL_TARGETS[@]}"; do
    # A run that finds something exits non-zero; the next target runs anyway.
    line=$(FUZZ_NO_BUILD=1 "$FUZZ_DIR/run.sh" "$target" "$seconds" "$@") || true
    echo "$line"
    summaries+=("$line")
done

echo
printf '| %-9s | %10s | %7s | %6s | %7s | %7s | %s |\n' target execs exec/s cov ft corpus "new crashes"
printf '|%s|\n' "-----------|------------|---------|--------|---------|---------|-------------"
for line in "${summaries[@]}"; do
    get() { sed -nE "s#.*(^| )$1=([^ ]*).*#\2#p" <<< "$line"; }
    printf '| %-9s | %10s | %7s | %6s | %7s | %7s | %s |\n' "$(get target)" "$(get execs)" \
        "$(get 'exec/s')" "$(get cov)" "$(get ft)" "$(get corpus)" "$(get new_crashes)"
done
