#!/usr/bin/env bash
# Ingest benchmark: `earshot ingest` of tickets_1M.csv (712 MB, from ../shared/bench/gen_feedback.py) into a fresh
# workspace, end to end, against the anchor of libcsv alone parsing the same file. Prints medians of RUNS runs.
#
#   Scripts/bench-ingest.sh [RUNS]        (default 5; data cached in $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
file="$data/tickets_1M.csv"
Scripts/bootstrap.sh bc time
if [ ! -f "$file" ]; then
  mkdir -p "$data"
  echo "generating $file (a few minutes)..." >&2
  python3 ../shared/bench/gen_feedback.py "$data" --sizes 1000000 >&2
fi
swift build -c release --product earshot >&2
cc -O2 -o "$data/libcsv_count" Scripts/bench/libcsv_count.c -lcsv
bytes=$(stat -c %s "$file")
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
anchor=(); times=(); rss=()
for i in $(seq "$runs"); do
  cat "$file" > /dev/null
  start=$(date +%s.%N); "$data/libcsv_count" "$file" > /dev/null; end=$(date +%s.%N)
  anchor+=("$(echo "$end - $start" | bc -l)")
  ws="$data/ws"; rm -rf "$ws"; .build/release/earshot init "$ws" > /dev/null
  /usr/bin/time -f "%e %M" -o "$data/time.txt" .build/release/earshot ingest --workspace "$ws" "$file" > /dev/null
  read -r seconds kb < "$data/time.txt"
  times+=("$seconds"); rss+=("$kb")
done
t=$(printf '%s\n' "${times[@]}" | median)
a=$(printf '%s\n' "${anchor[@]}" | median)
r=$(printf '%s\n' "${rss[@]}" | median)
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'file            %s (%.0f MB)\n' "$file" "$mb"
printf 'runs            %s\n' "$runs"
printf 'earshot ingest  median %.2f s  = %.0f MB/s  peak RSS median %.0f MB   (runs: %s)\n' "$t" "$(echo "$mb / $t" | bc -l)" "$(echo "$r / 1024" | bc -l)" "${times[*]}"
printf 'libcsv alone    median %.2f s  = %.0f MB/s   (runs: %s)\n' "$a" "$(echo "$mb / $a" | bc -l)" "${anchor[*]}"
printf 'ratio           earshot end-to-end throughput is %.2f of libcsv-alone parsing\n' "$(echo "$a / $t" | bc -l)"
