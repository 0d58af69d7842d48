#!/usr/bin/env bash
# Normalize benchmark: `earshot normalize` over 2M stored rows (tickets_1M.csv + nps_1M.csv from
# ../shared/bench/gen_feedback.py, ingested once). Each run replaces the previous records, as an analyst's rerun does.
# Prints medians of RUNS runs: wall time, CPU time, records per second per core (records / CPU seconds), peak RSS.
#
#   Scripts/bench-normalize.sh [RUNS]     (default 5; data cached in $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
Scripts/bootstrap.sh bc time
for name in tickets_1M nps_1M; do
  if [ ! -f "$data/$name.csv" ]; then
    mkdir -p "$data"
    echo "generating $data/$name.csv (a few minutes)..." >&2
    python3 ../shared/bench/gen_feedback.py "$data" --sizes 1000000 >&2
  fi
done
swift build -c release --product earshot >&2
ws="$data/ws-normalize"
rm -rf "$ws"
.build/release/earshot init "$ws" > /dev/null
.build/release/earshot ingest --workspace "$ws" "$data/tickets_1M.csv" "$data/nps_1M.csv" > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
walls=(); cpus=(); rss=(); records=0
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$data/time.txt" .build/release/earshot normalize --workspace "$ws" > "$data/normalize.txt"
  read -r wall user system kb < "$data/time.txt"
  records=$(grep -o '^normalized: [0-9]*' "$data/normalize.txt" | grep -o '[0-9]*$')
  walls+=("$wall"); cpus+=("$(echo "$user + $system" | bc -l)"); rss+=("$kb")
done
w=$(printf '%s\n' "${walls[@]}" | median)
c=$(printf '%s\n' "${cpus[@]}" | median)
r=$(printf '%s\n' "${rss[@]}" | median)
printf 'records         %s (from %s and %s)\n' "$records" "$data/tickets_1M.csv" "$data/nps_1M.csv"
printf 'runs            %s\n' "$runs"
printf 'wall            median %.2f s   (runs: %s)\n' "$w" "${walls[*]}"
printf 'cpu             median %.2f s   (runs: %s)\n' "$c" "${cpus[*]}"
printf 'throughput      %.0f records/s wall, %.0f records/s per core (CPU time)\n' "$(echo "$records / $w" | bc -l)" "$(echo "$records / $c" | bc -l)"
printf 'peak RSS        median %.0f MB   (runs: %s kB)\n' "$(echo "$r / 1024" | bc -l)" "${rss[*]}"
printf 'target          1,000,000 records/s per core, peak RSS under 500 MB (issue 3)\n'
