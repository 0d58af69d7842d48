#!/usr/bin/env bash
# Normalize benchmark: `earshot normalize` over 2M stored rows (tickets_1M.csv + nps_1M.csv from
# ../shared/bench/gen_feedback.py, ingested once). Each run replaces the previous records, as an analyst's rerun does.
# Prints medians of RUNS runs: wall time, CPU time, records per second per core (records / CPU seconds), peak RSS.
#
#   Scripts/bench-normalize.sh [RUNS]     (default 5; data cached in $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs="${1:-5}"
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
Scripts/bootstrap.sh bc time
bench_data "$data"
swift build -c release --product earshot >&2
ws="$data/ws-normalize"
rm -rf "$ws"
.build/release/earshot init "$ws" > /dev/null
.build/release/earshot ingest --workspace "$ws" "$data/tickets_1M.csv" "$data/nps_1M.csv" > /dev/null
walls=(); cpus=(); rss=(); records=0
for _ in $(seq "$runs"); do
  bench_run "$data/time.txt" "$data/normalize.txt" .build/release/earshot normalize --workspace "$ws"
  records=$(grep -o '^normalized: [0-9]*' "$data/normalize.txt" | grep -o '[0-9]*$')
done
printf 'records         %s (from %s and %s)\n' "$records" "$data/tickets_1M.csv" "$data/nps_1M.csv"
bench_summary "$records"
printf 'target          1,000,000 records/s per core, peak RSS under 500 MB (issue 3)\n'
