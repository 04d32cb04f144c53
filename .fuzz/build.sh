#!/usr/bin/env bash
# Builds libFuzzer targets into .build-fuzz/fuzz/<target>.
#
#   .fuzz/build.sh [TARGET...]     (no argument: every target whose driver builds)
#
# Step 1 builds the library targets with SwiftPM in its own scratch directory (.build-fuzz), with
# coverage instrumentation and AddressSanitizer, so the normal `.build/` is never touched.
# Step 2 compiles the driver `.fuzz/targets/<target>.swift` (it exports LLVMFuzzerTestOneInput)
# and the shared checks in `.fuzz/targets/Support/` with swiftc, and links them against those
# object files and libFuzzer's main.
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$FUZZ_DIR")"
OUT="$REPO/fuzz-out"
SCRATCH="$REPO/.build-fuzz"
BIN="$SCRATCH/fuzz"
# shellcheck source=targets.sh
source "$FUZZ_DIR/targets.sh"

SANITIZERS="${FUZZ_SANITIZERS:-fuzzer,address}"
# C and C++ dependencies (toml++) get coverage and ASan too; libFuzzer's main comes at link time.
CLANG_SANITIZERS="${SANITIZERS/fuzzer/fuzzer-no-link}"
# ASan may continue after an error when ASAN_OPTIONS has halt_on_error=0 (run.sh's
# FUZZ_KEEP_GOING=1): each faulty source location is then reported once and fuzzing goes on.
RECOVER_SWIFT=() RECOVER_CLANG=() RECOVER_DRIVER=()
if [[ ",$SANITIZERS," == *,address,* ]]; then
    RECOVER_DRIVER=(-sanitize-recover=address)
    RECOVER_SWIFT=(-Xswiftc -sanitize-recover=address)
    RECOVER_CLANG=(-Xcc -fsanitize-recover=address -Xcxx -fsanitize-recover=address)
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

cd "$REPO"
mkdir -p "$BIN"
built_package_targets=" "
status=0
for target in "${targets[@]}"; do
    target_info "$target"
    if [[ "$built_package_targets" != *" $PACKAGE_TARGET "* ]]; then
        echo "== swift build --target $PACKAGE_TARGET (instrumented: $SANITIZERS)"
        swift build -c release --scratch-path "$SCRATCH" --target "$PACKAGE_TARGET" \
            -Xswiftc "-sanitize=$SANITIZERS" "${RECOVER_SWIFT[@]}" \
            -Xcc "-fsanitize=$CLANG_SANITIZERS" -Xcxx "-fsanitize=$CLANG_SANITIZERS" \
            "${RECOVER_CLANG[@]}"
        built_package_targets+="$PACKAGE_TARGET "
    fi

    objects=()
    module_maps=()
    for module in $MODULES; do
        dir="$SCRATCH/release/$module.build"
        # A Swift module's objects are the ones its output file map names: a source file that
        # was deleted or renamed leaves its old object behind. C and C++ modules have no map.
        if [ -f "$dir/output-file-map.json" ]; then
            while IFS= read -r o; do objects+=("$o"); done < <(python3 -c '
import json, os, sys
entries = json.load(open(sys.argv[1])).values()
print("\n".join(sorted(e["object"] for e in entries if "object" in e and os.path.exists(e["object"]))))
' "$dir/output-file-map.json")
        else
            while IFS= read -r -d '' o; do objects+=("$o"); done \
                < <(find "$dir" -name '*.o' -print0 | sort -z)
        fi
        [ -f "$dir/module.modulemap" ] && module_maps+=(-Xcc "-fmodule-map-file=$dir/module.modulemap")
    done
    # The system-library module for libxml2, as SwiftPM passes it to NewsIngest's clients.
    if [[ " $MODULES " == *" NewsIngest "* ]]; then
        module_maps+=(-Xcc "-fmodule-map-file=$REPO/Sources/CLibXML2/module.modulemap")
        for flag in $(pkg-config --cflags libxml-2.0); do module_maps+=(-Xcc "$flag"); done
    fi
    echo "== swiftc $target"
    if swiftc -O -parse-as-library -sanitize="$SANITIZERS" "${RECOVER_DRIVER[@]}" -use-ld=lld \
        -I "$SCRATCH/release/Modules" "${module_maps[@]}" \
        "$FUZZ_DIR/targets/$target.swift" "$FUZZ_DIR"/targets/Support/*.swift $EXTRA_SOURCES \
        "${objects[@]}" $LINK_FLAGS \
        -o "$BIN/$target"; then
        echo "   built $BIN/$target"
    else
        echo "   FAILED to build $target" >&2
        status=1
    fi
done
exit $status
