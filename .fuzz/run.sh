#!/usr/bin/env bash
# Runs one fuzz target for a while and prints what it did.
#
#   .fuzz/run.sh TARGET SECONDS [libFuzzer flags...]
#
# Builds the target first (incremental; set FUZZ_NO_BUILD=1 to skip), then fuzzes with the
# target's seed directories. Everything it writes goes to fuzz-out/<target>/ (ignored by git):
#   corpus/     inputs libFuzzer found interesting (grows across runs)
#   crashes/    crash-*, leak-*, timeout-*, oom-* reproducers
#   run-*.log   libFuzzer's full output
# and appends one line per run to fuzz-out/summary.tsv. Exits non-zero if the target crashed.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$FUZZ_DIR")"
OUT="$REPO/fuzz-out"
BIN="$REPO/.build-fuzz/fuzz"
# shellcheck source=targets.sh
source "$FUZZ_DIR/targets.sh"

if [ $# -lt 2 ]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer flags...]   (targets: ${ALL_TARGETS[*]})" >&2
    exit 2
fi
target="$1" seconds="$2"
shift 2
target_info "$target"

[ "${FUZZ_NO_BUILD:-0}" = 1 ] || "$FUZZ_DIR/build.sh" "$target" >&2

work="$OUT/$target"
mkdir -p "$work/corpus" "$work/crashes"
if [ "$target" = html ] && [ ! -d "$OUT/seeds/html" ]; then
    shared="$REPO/../shared"
    [ -d "$shared" ] || shared=/work/shared
    python3 "$FUZZ_DIR/seeds/extract_html.py" "$OUT/seeds/html" "$shared/corpus/feeds" >&2
fi

seed_dirs=()
for dir in $SEEDS; do [ -d "$dir" ] && seed_dirs+=("$dir"); done
dict=()
[ -n "${DICT:-}" ] && [ -f "$DICT" ] && dict=(-dict="$DICT")

log="$work/run-$(date +%Y%m%d-%H%M%S).log"
crashes_before=$(find "$work/crashes" -type f | wc -l)
echo "== fuzzing $target for ${seconds}s; seeds: ${seed_dirs[*]:-none}; log: $log" >&2

# Swift's own crash backtracer reads the stack in a way ASan reports as a stack-buffer-underflow,
# hiding the real failure: let libFuzzer's handler report traps instead.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"
# FUZZ_KEEP_GOING=1: memory errors are reported once per source location and fuzzing goes on
# (no reproducer is saved for them; rerun the corpus without it to get one).
if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    export ASAN_OPTIONS="halt_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fi
# libFuzzer writes new inputs only to the first directory; the seed directories stay untouched.
set +e
"$BIN/$target" -max_total_time="$seconds" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/crashes/" "${dict[@]}" $FLAGS "$@" \
    "$work/corpus" "${seed_dirs[@]}" > "$log" 2>&1
status=$?
set -e

# The last status line holds the final coverage: "#N DONE cov: C ft: F corp: ..." (or, in fork
# mode, "#N: cov: C ft: F corp: ... exec/s: R ...").
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
stat() { grep -E "^stat::$1:" "$log" | awk '{print $2}' | tail -1 || true; }
field() { sed -nE "s/.* $1: ([0-9]+).*/\1/p" <<< "$last"; }
execs=$(stat number_of_executed_units)
[ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<< "$last")
rate=$(stat average_exec_per_sec)
# Fork mode (-fork=N) prints no final stats: average over the run.
[ -n "$rate" ] || [ -z "$execs" ] || rate=$(( execs / seconds ))
cov=$(field cov) ft=$(field ft)
corpus=$(find "$work/corpus" -type f | wc -l)
crashes=$(( $(find "$work/crashes" -type f | wc -l) - crashes_before ))

grep -E '^==[0-9]+==ERROR|^SUMMARY:|Fatal error:|(Assertion|Precondition) failed|Test unit written' \
    "$log" | sort | uniq -c | sort -rn | head -20 >&2 || true
printf 'target=%s seconds=%s execs=%s exec/s=%s cov=%s ft=%s corpus=%s new_crashes=%s exit=%s\n' \
    "$target" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes" "$status"
[ -f "$OUT/summary.tsv" ] ||
    printf 'date\ttarget\tseconds\texecs\texec_per_s\tcov\tft\tcorpus\tnew_crashes\texit\n' > "$OUT/summary.tsv"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -Iseconds)" "$target" "$seconds" \
    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$crashes" "$status" >> "$OUT/summary.tsv"
exit $status
