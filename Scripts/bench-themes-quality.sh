#!/usr/bin/env bash
# Theme-quality benchmark: Earshot's primary theme per record against the human complaint reasons of the airline
# tweets (../shared/data/feedback/airline_tweets.csv; negative rows with a reason other than "Can't Tell",
# deduplicated on tweet_id: 7,914 records, 9 reasons), side by side with scikit-learn TF-IDF+NMF and LDA at k = 9 and
# NMF at k = Earshot's number of themes. Prints NMI, AMI, ARI, mapped macro-F1, coverage and seconds per system, then
# per reason Earshot's best theme, its keywords and whether they name the reason (THEMES-ANCHORS.md 4b).
# Numbers: Scripts/themes-quality/baselines.py; metric definitions and their self-test: Scripts/themes-quality/metrics.py.
#
#   Scripts/bench-themes-quality.sh [WORKSPACE_DIR]   (default $EARSHOT_BENCH_DATA/ws-themes-quality; data cached in
#                                                      $EARSHOT_BENCH_DATA, default /tmp/earshot-bench)
#   EARSHOT_SKIP_BUILD=1 Scripts/bench-themes-quality.sh   uses the existing .build/release/earshot (or $EARSHOT_BIN)
# A WORKSPACE_DIR that exists must be empty or one this script made (it is recreated); all numbers are also written
# to WORKSPACE_DIR/quality.json.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${EARSHOT_BENCH_DATA:-/tmp/earshot-bench}"
ws="${1:-$data/ws-themes-quality}"
tweets="../shared/data/feedback/airline_tweets.csv"
complaints="$data/airline_complaints.csv"
bin="${EARSHOT_BIN:-.build/release/earshot}"
marker="$ws/.bench-themes-quality"
if [ -e "$ws" ] && [ ! -f "$marker" ] && [ -n "$(ls -A "$ws")" ]; then
  echo "$ws exists and was not made by this script: give an empty or new folder" >&2
  exit 1
fi
python3 -c 'import sklearn, scipy, numpy' 2>/dev/null || python3 -m pip install -q scikit-learn scipy numpy >&2
mkdir -p "$data"
python3 - "$tweets" "$complaints" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    header, rows, seen = reader.fieldnames, [], set()
    for row in reader:
        if row["airline_sentiment"] == "negative" and row["negativereason"] not in ("", "Can't Tell") \
                and row["tweet_id"] not in seen:
            seen.add(row["tweet_id"])
            rows.append(row)
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"complaints      {len(rows)} records written to {sys.argv[2]}", file=sys.stderr)
EOF
if [ "${EARSHOT_SKIP_BUILD:-}" = "1" ] || [ -n "${EARSHOT_BIN:-}" ]; then
  [ -x "$bin" ] || { echo "$bin does not exist (build it, or unset EARSHOT_SKIP_BUILD)" >&2; exit 1; }
else
  Scripts/bootstrap.sh
  swift build -c release --product earshot >&2
fi
[ -f "$marker" ] && rm -rf "$ws"
"$bin" init "$ws" > /dev/null
touch "$marker"
cat > "$ws/earshot.toml" <<'EOF'
[workspace]
timezone = "UTC"

[sources.airline_tweets]
files = "airline_complaints*.csv"
kind = "review"
id = "tweet_id"
created_at = "tweet_created"
text = ["text"]
attributes = ["airline"]
author = "name"
EOF
"$bin" ingest --workspace "$ws" "$complaints" > "$ws/ingest.txt"
"$bin" normalize --workspace "$ws" > "$ws/normalize.txt"
start=$(date +%s.%N)
"$bin" themes --workspace "$ws" > "$ws/themes.txt"
end=$(date +%s.%N)
seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
"$bin" export themes --workspace "$ws" --format csv --out "$ws/themes.csv"
# Theme keywords: `earshot themes list --format json` where the build has it; otherwise the themes stage's own listing
# ("  ID  N records  LABEL  [k1, k2, ...]"), which shows the top 5 keywords.
if ! "$bin" themes list --workspace "$ws" --format json > "$ws/themes.json" 2> "$ws/themes-list.err"; then
  python3 - "$ws/themes.txt" "$ws/themes.json" <<'EOF'
import json, re, sys
themes = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^\s+(\S+)\s+\d+ records\s+(.*?)\s+\[(.*)\]\s*$", line)
    if m:
        themes.append({"id": m.group(1), "label": m.group(2),
                       "keywords": [k for k in m.group(3).split(", ") if k]})
json.dump(themes, open(sys.argv[2], "w", encoding="utf-8"), indent=2, ensure_ascii=False)
print(f"themes list     not available; {len(themes)} themes read from the themes stage's output", file=sys.stderr)
EOF
fi
k=$(python3 -c 'import csv, sys; print(len({r["theme_id"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}))' "$ws/themes.csv")
printf 'workspace       %s\n' "$ws" >&2
printf 'themes stage    %s s, %s themes in the export\n' "$seconds" "$k" >&2
extra=(); [ "$k" -gt 0 ] && extra=(--k-extra "$k")
python3 Scripts/themes-quality/baselines.py --data "$tweets" --earshot-export "$ws/themes.csv" \
  --earshot-themes "$ws/themes.json" --earshot-seconds "$seconds" "${extra[@]}" --json "$ws/quality.json"
