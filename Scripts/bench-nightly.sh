#!/usr/bin/env bash
# Nightly-run benchmark (issue 6): a year-long workspace of 2M records (tickets_1M + nps_1M from
# ../shared/bench/gen_feedback.py, 52 weeks of 2024) gets one more day of exports — 2,740 tickets and 2,740 NPS
# answers dated 2024-12-30, about a 365th of each file, with new ids — and `earshot run --inbox` takes them in.
# Each run starts from a copy of the same prepared workspace. Prints medians of RUNS runs: wall time, peak RSS, and
# each stage's share from the JSON logs.
#
# The year is prepared as of Monday 2024-12-30 (its report is for 2024-W52), and the nightly run is as of Tuesday
# 2024-12-31, the night after Monday's exports: the report week is still 2024-W52, so normalize merges the new rows
# and the themes stage assigns the new records (the Monday after a week closes, the run detects themes afresh; that
# costs what a full themes run costs, see Scripts/bench-themes.sh).
#
#   Scripts/bench-nightly.sh [RUNS]     (default 3; data cached in $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
Scripts/bootstrap.sh bc time
. Scripts/bench-lib.sh
bench_data "$data"
if [ -z "${EARSHOT_SKIP_BUILD:-}" ]; then swift build -c release --product earshot >&2; fi
earshot="${EARSHOT_BIN:-$PWD/.build/release/earshot}"

base="$data/ws-nightly-base"
# The marker names the schema the workspace was prepared with: an older one is prepared again.
if [ ! -f "$base/.prepared-v5" ]; then
  echo "preparing the year-long workspace (ingest, normalize, themes, report: several minutes)..." >&2
  rm -rf "$base"
  "$earshot" init "$base" > /dev/null
  mkdir -p "$data/year-inbox"
  ln -sf "$data/tickets_1M.csv" "$data/year-inbox/tickets_1M.csv"
  ln -sf "$data/nps_1M.csv" "$data/year-inbox/nps_1M.csv"
  "$earshot" run -w "$base" --inbox "$data/year-inbox" --as-of 2024-12-30 > /dev/null
  touch "$base/.prepared-v5"
fi

day="$data/day-inbox"
rm -rf "$day" && mkdir -p "$day"
python3 - "$data" "$day" <<'PY'
import csv, random, sys
data, day = sys.argv[1], sys.argv[2]
def one_day(source, target, id_column, date_columns, prefix):
    with open(f"{data}/{source}", newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = [row for _, row in zip(range(200_000), reader)]
    picked = random.Random(20241230).sample(rows, 2_740)
    ids = header.index(id_column)
    dates = [header.index(column) for column in date_columns if column in header]
    with open(f"{day}/{target}", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for number, row in enumerate(picked):
            row[ids] = f"{prefix}{number:06d}"
            for column in dates:
                row[column] = f"2024-12-30 {number % 24:02d}:{number % 60:02d}:00"
            writer.writerow(row)
one_day("tickets_1M.csv", "tickets_2024-12-30.csv", "Id", ["Created at", "Updated at"], "9")
one_day("nps_1M.csv", "nps_2024-12-30.csv", "Response ID", ["Created At (UTC)"], "day")
PY

walls=(); cpus=(); rss=()
for i in $(seq "$runs"); do
  ws="$data/ws-nightly-run"
  rm -rf "$ws" && cp -r "$base" "$ws"
  # The copy's gigabytes are still being written back: the run's first commit would wait for all of them.
  sync
  # The JSON log (stderr) says how long each stage took.
  bench_run "$data/time.txt" /dev/null sh -c 'log="$1"; shift; exec "$@" 2> "$log"' sh "$data/nightly-log.jsonl" \
    "$earshot" run -w "$ws" --inbox "$day" --as-of 2024-12-31 --log-format json --log-level info
  python3 - "$data/nightly-log.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    try: entry = json.loads(line)
    except ValueError: continue
    if entry.get("message") == "Stage finished":
        mode = entry.get("stage.mode", "")
        print(f"  {entry['stage.name']:<10} {int(entry['stage.duration_ms']) / 1000:8.1f} s  {mode}")
    if entry.get("message") == "File ingested":
        print(f"  ingest     {int(entry['stage.duration_ms']) / 1000:8.1f} s  {entry['export.path'].rsplit('/', 1)[-1]}")
PY
done
printf 'workspace       %s (2M records, 52 weeks), plus 5,480 rows of one day\n' "$base"
bench_summary 5480
printf 'target          seconds (issue 6)\n'
