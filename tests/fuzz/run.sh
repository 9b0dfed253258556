#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 30) on a copy of its seed corpus; prints the executions.
# A crash leaves its input in build-fuzz/crash-*: add it to the corpus and
# to a unit test, then fix.
# usage: tests/fuzz/run.sh [SECONDS]
set -eu
cd "$(dirname "$0")/../.."
secs=${1:-30}
CC=clang cmake -S . -B build-fuzz -DBAYTRACK_FUZZ=ON -DBAYTRACK_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_csv fuzz_period fuzz_mapping
for t in csv period mapping; do
    work=build-fuzz/corpus-$t
    rm -rf "$work" && mkdir -p "$work" && cp tests/fuzz/corpus/$t/* "$work/"
    (cd build-fuzz && ./tests/fuzz/fuzz_$t -max_total_time="$secs" -max_len=65536 \
        -print_final_stats=1 "corpus-$t" 2> "fuzz-$t.log") ||
        { tail -40 "build-fuzz/fuzz-$t.log"; echo "fuzz_$t: FAILED" >&2; exit 1; }
    echo "fuzz_$t: $(grep -o 'stat::number_of_executed_units: [0-9]*' "build-fuzz/fuzz-$t.log" | grep -o '[0-9]*$') executions in ${secs} s, no finding"
done
