#!/usr/bin/env bash
# Fuzzes everything that reads untrusted export bytes (CSV reading, tool detection, normalization, redaction) with
# libFuzzer and AddressSanitizer; the harness is Sources/EarshotFuzzing/FuzzHarness.swift.
#
#   Scripts/fuzz.sh [SECONDS] [libFuzzer flags...]   fuzz for SECONDS (default 60)
#   Scripts/fuzz.sh merge                            minimise what the runs found into Fixtures/fuzz/corpus (set cover)
#
# The build goes to its own scratch path (.build-fuzz), so the instrumented objects never mix with the normal build.
# New inputs go to .build-fuzz/corpus, so the committed corpus changes only through `merge`. A crash is saved to
# .build-fuzz/crashers/; after fixing it, copy it to Fixtures/fuzz/crashers/, where the test suite replays it.
set -euo pipefail
cd "$(dirname "$0")/.."

flags=(-c release --scratch-path .build-fuzz --product earshot-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING)
# Linking goes through the toolchain's lld: gold, Swift's default on Linux, crashes on the instrumented objects
# ("internal error in format_file_lineno"), and SwiftPM does not pass -Xswiftc -use-ld to the link step.
mkdir -p .build-fuzz
printf '{ "schemaVersion": "1.0", "linker": { "path": "%s" } }\n' "$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld" \
    > .build-fuzz/toolset.json
flags+=(--toolset .build-fuzz/toolset.json)
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/earshot-fuzz"
found=.build-fuzz/corpus
mkdir -p "$found" .build-fuzz/crashers
# Swift's runtime keeps metadata caches alive until exit; LeakSanitizer would report them on every run. Short
# allocation stacks double the executions a second; a crash is replayed with full stacks anyway.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:malloc_context_size=2}"
# The harness writes each input to a file (the reader reads files); memory-backed when the machine has /dev/shm.
[[ -d /dev/shm && -w /dev/shm ]] && export TMPDIR=/dev/shm

if [[ "${1:-}" == "merge" ]]; then
    merged=.build-fuzz/corpus-merged
    rm -rf "$merged" && mkdir -p "$merged"
    # A set cover keeps the fewest inputs that reach every feature: plain -merge=1 keeps about twice as many bytes.
    "$binary" -set_cover_merge=1 "$merged" Fixtures/fuzz/corpus "$found"
    rm -f Fixtures/fuzz/corpus/* && cp "$merged"/* Fixtures/fuzz/corpus/
    echo "Fixtures/fuzz/corpus: $(ls Fixtures/fuzz/corpus | wc -l) files, $(du -sb Fixtures/fuzz/corpus | cut -f1) bytes"
    exit 0
fi

seconds="${1:-60}"
shift || true
# -timeout: an input that takes 10 s is a hang, which cron cannot afford. -rss_limit_mb: the reader must stay bounded.
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
    -artifact_prefix=.build-fuzz/crashers/ "$@" "$found" Fixtures/fuzz/corpus
