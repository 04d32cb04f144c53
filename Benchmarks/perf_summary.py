#!/usr/bin/env python3
"""Summarise `perf script` output (recorded with --call-graph dwarf) without a flame graph.

  perf record -F 499 --call-graph dwarf,16384 -o perf.data -- herald bench ingest
  perf script -i perf.data | python3 Benchmarks/perf_summary.py [--under SYMBOL] [--top 40]

Prints the functions with the most inclusive time (share of all samples whose stack holds
them), Swift names demangled when swift-demangle is on PATH. With --under, only the samples
whose stack holds SYMBOL (a substring) are counted, and shares are of those samples: what the
time inside SYMBOL goes to.
"""
import argparse
import collections
import re
import shutil
import subprocess
import sys


def stacks(lines):
    """Yields each sample's frames, innermost first, as symbol names."""
    frames = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if frames:
                yield frames
            frames = []
            continue
        if line[0] not in " \t":
            continue  # the sample's header line
        parts = line.strip().split(None, 1)
        if len(parts) == 2:
            symbol = re.sub(r"\+0x[0-9a-f]+$", "", parts[1].split(" (")[0])
            frames.append(symbol)
    if frames:
        yield frames


def demangle(names):
    tool = shutil.which("swift-demangle")
    if not tool or not names:
        return {n: n for n in names}
    out = subprocess.run([tool, "--simplified", "--compact"], input="\n".join(names), capture_output=True,
                         text=True).stdout.split("\n")
    return {n: (out[i] if i < len(out) and out[i] else n) for i, n in enumerate(names)}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--under", help="only samples whose stack holds this symbol (substring)")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--self", action="store_true", help="rank by self time instead of inclusive time")
    a = p.parse_args()
    inclusive = collections.Counter()
    own = collections.Counter()
    total = 0
    for frames in stacks(sys.stdin):
        if a.under:
            hits = [i for i, f in enumerate(frames) if a.under in f]
            if not hits:
                continue
            frames = frames[:hits[-1] + 1]  # the part of the stack inside the outermost match
        total += 1
        own[frames[0]] += 1
        for f in set(frames):
            inclusive[f] += 1
    if not total:
        print("no samples" + (" under " + a.under if a.under else ""))
        return 1
    ranked = (own if a.self else inclusive).most_common(a.top)
    names = demangle([n for n, _ in ranked])
    print("%d samples%s; %s time" % (total, " under " + a.under if a.under else "", "self" if a.self else "inclusive"))
    for name, count in ranked:
        print("%6.1f%%  %s" % (100.0 * count / total, names[name][:150]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
