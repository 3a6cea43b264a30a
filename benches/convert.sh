#!/usr/bin/env bash
# End-to-end benchmark of `govreport convert`, next to two baselines measured in the same run:
#   floor  - examples/floor.rs: walk, read every file, validate UTF-8, count lines (1 thread);
#   write floor - the same, then write as many bytes, in as many files, as convert wrote
#            (examples/floor.rs --write-like): the floor the throughput goal is set against
#            (convert --jobs 2 at >= 50 % of it);
#   naive  - ../shared/bench/naive_parse.py --json: the regex + pandas script a data journalist
#            writes in an afternoon (needs pandas: installed with pip if missing, else skipped).
# Prints seconds, MB/s, docs/s, the ratio to the floor and the peak RSS (/usr/bin/time -v)
# of each, the 1 -> 2 thread speed-up, and, with --big, the same for 20,000 documents
# (memory must not grow with the corpus; 10x the input in at most 10.5x the time).
#
#   benches/convert.sh [--big] [--runs R]
#
# Each figure is the best of R runs (default 3). The machine is shared: run it when no one
# else is building, and compare ratios, not absolute figures, between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${SHARED:-../shared}
OUT=bench-out            # git-ignored
RUNS=3
BIG=0
while [ $# -gt 0 ]; do
  case "$1" in
    --big) BIG=1 ;;
    --runs) RUNS=$2; shift ;;
    *) echo "usage: $0 [--big] [--runs R]" >&2; exit 2 ;;
  esac
  shift
done

[ -x /usr/bin/time ] || { echo "convert.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
GEN=$SHARED/bench/gen_corpus.py
NAIVE=$SHARED/bench/naive_parse.py
[ -f "$GEN" ] || { echo "convert.sh: $GEN not found (set SHARED=path/to/shared)" >&2; exit 1; }

echo "== build (release)"
cargo build --release --quiet --bin govreport --example floor
BIN=target/release/govreport
FLOOR=target/release/examples/floor

HAVE_PANDAS=1
if ! python3 -c 'import pandas' 2>/dev/null; then
  echo "== pandas missing: pip install pandas"
  python3 -m pip install --quiet pandas >/dev/null 2>&1 || true
  python3 -c 'import pandas' 2>/dev/null || { HAVE_PANDAS=0; echo "   (could not install pandas: the naive baseline is skipped)"; }
fi

corpus() { # N -> folder
  local n=$1 dir=$OUT/c$1
  if [ ! -f "$dir/r$(printf %05d $((n - 1))).txt" ]; then
    echo "== generate $n documents" >&2
    rm -rf "$dir"
    python3 "$GEN" --n "$n" --seed 1 --out "$dir" >&2
  fi
  echo "$dir"
}

# measure NAME CMD...: best wall time and its peak RSS over $RUNS runs -> "secs rss_kib"
measure() {
  local best="" rss="" i t r log
  log=$(mktemp)
  for ((i = 0; i < RUNS; i++)); do
    # wall time from date (ns), as /usr/bin/time prints it to 10 ms only; RSS from time -v
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$log.err" || true
    t1=$(date +%s.%N)
    t=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b - a}')
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; rss=$r; fi
  done
  rm -f "$log" "$log.err"
  echo "$best $rss"
}

bench() { # N
  local n=$1 dir bytes
  n1_s=""
  dir=$(corpus "$n")
  bytes=$(du -sb --apparent-size "$dir" | cut -f1)
  echo
  echo "== $n documents, $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") MB, $(nproc) cores, best of $RUNS"
  read -r f_s f_rss < <(measure "$FLOOR" "$dir")
  read -r c1_s c1_rss < <(measure "$BIN" convert "$dir" -o "$OUT/out-j1" --jobs 1)
  read -r c2_s c2_rss < <(measure "$BIN" convert "$dir" -o "$OUT/out-j2" --jobs 2)
  read -r w_s w_rss < <(measure "$FLOOR" --write-like "$OUT/out-j1" --to "$OUT/floor-out" "$dir")
  local written
  written=$(du -sb --apparent-size "$OUT/out-j1" | cut -f1)
  cmp -s "$OUT/out-j1/documents.jsonl" "$OUT/out-j2/documents.jsonl" || echo "WARNING: --jobs 1 and 2 differ"
  local rows
  rows="floor (read+utf8+lines, 1 thread)|$f_s|$f_rss
write floor (+ convert's bytes, 1 thr)|$w_s|$w_rss
convert --jobs 1|$c1_s|$c1_rss
convert --jobs 2|$c2_s|$c2_rss"
  # the naive script takes minutes on 20,000 documents: only on the first corpus unless NAIVE_ALL=1
  if [ "$HAVE_PANDAS" = 1 ] && [ -f "$NAIVE" ] && { [ "$n" -le 2000 ] || [ "${NAIVE_ALL:-0}" = 1 ]; }; then
    read -r n1_s n1_rss < <(measure python3 "$NAIVE" --json -o /dev/null "$dir")
    read -r n2_s n2_rss < <(measure python3 "$NAIVE" --json -j 2 -o /dev/null "$dir")
    rows="$rows
naive_parse.py --json|$n1_s|$n1_rss
naive_parse.py --json -j 2|$n2_s|$n2_rss"
  fi
  printf '%-36s %8s %9s %9s %9s %10s\n' "run" "seconds" "MB/s" "docs/s" "x floor" "RSS MiB"
  echo "$rows" | while IFS='|' read -r name s rss; do
    awk -v name="$name" -v s="$s" -v rss="$rss" -v b="$bytes" -v n="$n" -v f="$f_s" 'BEGIN{
      s = (s < 0.001 ? 0.001 : s);
      printf "%-36s %8.3f %9.1f %9.0f %9.3f %10.1f\n", name, s, b/1e6/s, n/s, f/s, rss/1024 }'
  done
  awk -v a="$c1_s" -v b="$c2_s" 'BEGIN{printf "speed-up 1 -> 2 threads: %.2fx\n", a/b}'
  awk -v w="$w_s" -v c="$c2_s" -v o="$written" -v b="$bytes" 'BEGIN{
    printf "convert writes %.1f MB (%.1fx its input); --jobs 2 runs at %.0f %% of the write floor (goal >= 50 %%)\n", o/1e6, o/b, 100*w/c }'
  if [ -n "${n1_s:-}" ]; then
    awk -v c="$c2_s" -v n="$n1_s" 'BEGIN{printf "--jobs 2 is %.1fx the naive script (goal >= 5x)\n", n/c}'
  fi
  echo "$n $c2_s $c2_rss" >> "$OUT/scaling.txt"
}

rm -f "$OUT/scaling.txt"
mkdir -p "$OUT"
bench 2000
if [ "$BIG" = 1 ]; then
  bench 20000
  echo
  awk 'NR==1{n=$1; t=$2; r=$3} NR==2{printf "20,000 vs 2,000 documents (--jobs 2): %.1fx the input in %.2fx the time; peak RSS %.1f -> %.1f MiB\n", $1/n, $2/t, r/1024, $3/1024}' "$OUT/scaling.txt"
fi
