#!/usr/bin/env bash
# Themes benchmark: `earshot themes` over 2M records (tickets_1M.csv + nps_1M.csv from
# ../shared/bench/gen_feedback.py, ingested and normalized once). Each run replaces the previous themes, as an
# analyst's rerun does. Prints medians of RUNS runs: wall time, CPU time, records per second, peak RSS.
#
#   Scripts/bench-themes.sh [RUNS]     (default 3; data cached in $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
# The normalized workspace is kept in $EARSHOT_BENCH_DATA/ws-themes; delete it to prepare it again.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-lib.sh
runs="${1:-3}"
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
Scripts/bootstrap.sh bc time sqlite3
bench_data "$data"
swift build -c release --product earshot >&2
ws="$data/ws-themes"
if [ ! -f "$ws/earshot.sqlite" ]; then
  echo "preparing $ws (ingest and normalize, several minutes)..." >&2
  rm -rf "$ws"
  .build/release/earshot init "$ws" > /dev/null
  .build/release/earshot ingest --workspace "$ws" "$data/tickets_1M.csv" "$data/nps_1M.csv" > /dev/null 2>&1
  .build/release/earshot normalize --workspace "$ws" > /dev/null 2>&1
fi
records=$(sqlite3 "$ws/earshot.sqlite" "SELECT count(*) FROM record")
walls=(); cpus=(); rss=()
for _ in $(seq "$runs"); do
  bench_run "$data/time.txt" "$data/themes.txt" .build/release/earshot themes --workspace "$ws"
done
printf 'records         %s (from %s and %s)\n' "$records" "$data/tickets_1M.csv" "$data/nps_1M.csv"
printf 'themes          %s\n' "$(head -n 1 "$data/themes.txt" | sed 's/^themes: //')"
bench_summary "$records"
printf 'target          at most 15 s wall and 1 GB peak RSS on 2 cores (issue 4)\n'
