# Shared by the stage benchmarks (bench-normalize.sh, bench-themes.sh); sourced, not run.

# bench_data DIR: the 2M-record benchmark exports, DIR/tickets_1M.csv and DIR/nps_1M.csv, generated when missing.
bench_data() {
  local data="$1" name
  for name in tickets_1M nps_1M; do
    if [ ! -f "$data/$name.csv" ]; then
      mkdir -p "$data"
      echo "generating $data/$name.csv (a few minutes)..." >&2
      python3 ../shared/bench/gen_feedback.py "$data" --sizes 1000000 >&2
    fi
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2==1) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# bench_run TIMEFILE OUTFILE COMMAND...: runs COMMAND once, its stdout to OUTFILE, and appends its wall time, CPU
# time and peak RSS to the arrays walls, cpus and rss.
bench_run() {
  local timefile="$1" outfile="$2" wall user system kb
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$timefile" "$@" > "$outfile"
  read -r wall user system kb < "$timefile"
  walls+=("$wall"); cpus+=("$(echo "$user + $system" | bc -l)"); rss+=("$kb")
}

# bench_summary RECORDS: the medians of walls, cpus and rss, with throughput.
bench_summary() {
  local records="$1" w c r
  w=$(printf '%s\n' "${walls[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  r=$(printf '%s\n' "${rss[@]}" | median)
  printf 'runs            %s\n' "${#walls[@]}"
  printf 'wall            median %.2f s   (runs: %s)\n' "$w" "${walls[*]}"
  printf 'cpu             median %.2f s   (runs: %s)\n' "$c" "${cpus[*]}"
  printf 'throughput      %.0f records/s wall, %.0f records/s per core (CPU time)\n' "$(echo "$records / $w" | bc -l)" "$(echo "$records / $c" | bc -l)"
  printf 'peak RSS        median %.0f MB   (runs: %s kB)\n' "$(echo "$r / 1024" | bc -l)" "${rss[*]}"
}
