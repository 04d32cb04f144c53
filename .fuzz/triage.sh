#!/usr/bin/env bash
# Groups a target's saved reproducers by what goes wrong, smallest example first.
#
#   .fuzz/triage.sh TARGET
#
# Reruns every file in fuzz-out/TARGET/crashes/ through .build-fuzz/fuzz/TARGET and prints one
# line per distinct failure (sanitizer report location, trap message, assertion, timeout):
# how many reproducers hit it, and the smallest of them.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$FUZZ_DIR")"
[ $# -eq 1 ] || { echo "usage: $0 TARGET" >&2; exit 2; }
target="$1"
binary="$REPO/.build-fuzz/fuzz/$target"
crashes="$REPO/fuzz-out/$target/crashes"
[ -x "$binary" ] || { echo "no $binary: run .fuzz/build.sh $target" >&2; exit 1; }
[ -d "$crashes" ] || { echo "no reproducers in $crashes"; exit 0; }
export SWIFT_BACKTRACE=enable=no

# What failed, without addresses, pids or hashes, so equal faults compare equal.
signature() {
    grep -m1 -oE 'SUMMARY: AddressSanitizer: [a-z-]+ [^ ]+|SUMMARY: [A-Za-z]+: [0-9]+ byte\(s\) leaked|Fatal error: .{0,100}|Assertion `.*'"'"' failed|ERROR: libFuzzer: (timeout|out-of-memory)[^(]*' |
        sed -E 's/[0-9]+ byte\(s\)/N byte(s)/; s/0x[0-9a-f]+/ADDR/g'
}

declare -A count smallest size
while IFS= read -r -d '' file; do
    output=$(timeout 60 "$binary" -timeout=10 -rss_limit_mb=2048 "$file" 2>&1 || true)
    sig=$(signature <<< "$output" || true)
    [ -n "$sig" ] || sig="no failure on rerun (flaky, or fixed since)"
    bytes=$(wc -c < "$file")
    count[$sig]=$(( ${count[$sig]:-0} + 1 ))
    if [ -z "${size[$sig]:-}" ] || [ "$bytes" -lt "${size[$sig]}" ]; then
        size[$sig]=$bytes smallest[$sig]=$file
    fi
done < <(find "$crashes" -type f -print0 | sort -z)

for sig in "${!count[@]}"; do
    printf '%d\t%s\t%s\t%s\n' "${count[$sig]}" "$sig" "${smallest[$sig]}" "${size[$sig]}"
done | sort -t$'\t' -k1,1rn | while IFS=$'\t' read -r n sig file bytes; do
    printf '%5d  %s\n       smallest: %s (%s bytes)\n' "$n" "$sig" "$file" "$bytes"
done
