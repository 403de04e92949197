#!/usr/bin/env bash
# Measures ingest (and a report) on N generated order lines with embedded Spark:
#   bench/ingest-benchmark.sh [LINES]      (default 1000000)
# Generates the input with the project's own generator into bench/results/data-LINES (reused when
# present), then runs `ingest` and `report` once each under /usr/bin/time -v and prints wall seconds,
# rows per second and peak RSS. Results are also appended to bench/results/results.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
data="bench/results/data-$lines"
mkdir -p bench/results
(mvn -B -q package -DskipTests) >&2
classpath="target/channel-expansion.jar:$(cat target/classpath.txt)"
if [[ ! -d "$data/exports" ]]; then
  echo "generating $lines lines into $data ..." >&2
  java -cp "$classpath" com.channelexpansion.samples.SampleDataGenerator --out "$data" --lines "$lines" >&2
fi
exports_mb=$(du -sm "$data/exports" | cut -f1)
run() {
  local step="$1"; shift
  local log="bench/results/$step-$lines.time"
  /usr/bin/time -v -o "$log" jobs/channel-expansion "$step" \
    --input "$data/exports" --reference "$data/reference" --config "$data/config" \
    --warehouse "bench/results/warehouse-$lines" --reports "bench/results/reports-$lines" \
    --as-of 2026-10-31 "$@" > "bench/results/$step-$lines.out" 2> "bench/results/$step-$lines.err"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '%s\t%s lines\t%s MB CSV\t%6.1f s wall\t%8.0f lines/s\t%5s MB peak RSS\n' \
    "$step" "$lines" "$exports_mb" "$wall" "$(echo "$lines / $wall" | bc -l)" "$rss" | tee -a bench/results/results.tsv
}
run ingest
run report
