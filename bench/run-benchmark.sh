#!/usr/bin/env bash
# Benchmark (not a test): bench/run-benchmark.sh [LINES]   (default 1000000)
#
# 1. Generates LINES order lines with the project's generator into bench/results/data-LINES/
#    (reused when present); the last day's export (orders-2026-10-31.csv, ~0.1% of the lines)
#    is held back as "tonight's" file.
# 2. Measures, each under /usr/bin/time -v (wall seconds, rows per second, peak RSS):
#    tiny       nightly on a tiny input (one day's export) into an empty warehouse
#               (after one unmeasured warm-up run that records the class-data-sharing archive)
#    ingest     the first full ingest of the history
#    report     a report over the whole history
#    night      an incremental nightly: tonight's file on top of the existing warehouse, its
#               report updated from the previous day's
#    floor      Spark's own plain CSV-to-Parquet conversion of the same files
#    duckdb     an independent DuckDB peer of the same contract (bench/duckdb/README.md),
#               recomputing customers, revenue_monthly and commissions from all the CSV files
#               (2 threads, DUCKDB_MEMORY, default 8GB); its tables are then compared with the
#               night's report (the run fails when they differ)
#    duckdb-tiny  the peer on the tiny input
# JAVA_OPTS applies to every run (e.g. JAVA_OPTS=-Xmx2g to check the 2 GB heap target).
# Appends one line per measurement to bench/results/results.tsv, prints them, then prints the
# ratios of this job to the DuckDB peer measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-1000000}"
results=bench/results
data="$results/data-$lines"
mkdir -p "$results"
(mvn -B -q package -DskipTests) >&2
classpath="target/channel-expansion.jar:$(cat target/classpath.txt)"
if [[ ! -d "$data/exports" ]]; then
  echo "generating $lines lines into $data ..." >&2
  # The generator is not in the jar: it compiles with the tests (src/samples/java).
  java -cp "target/test-classes:$classpath" com.channelexpansion.samples.SampleDataGenerator --out "$data" --lines "$lines" >&2
fi
tonight="2026/orders-2026-10-31.csv"
history="$results/history-$lines"
rm -rf "$history" && mkdir -p "$history"
cp -r "$data/exports/." "$history/" && rm "$history/$tonight"
tiny="$results/tiny-$lines"
rm -rf "$tiny" && mkdir -p "$tiny/2026" && cp "$data/exports/$tonight" "$tiny/2026/"
work="$results/work-$lines"
rm -rf "$work"

measure() {  # measure NAME ROWS COMMAND...
  local name="$1" rows="$2"; shift 2
  local log="$results/$name-$lines.time"
  /usr/bin/time -v -o "$log" "$@" > "$results/$name-$lines.out" 2> "$results/$name-$lines.err" \
    || { echo "$name failed: see $results/$name-$lines.err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  printf '%s\t%s\t%s lines\t%8d rows\t%7.1f s wall\t%9.0f rows/s\t%6s MB peak RSS\n' \
    "$(date -u +%FT%TZ)" "$name" "$lines" "$rows" "$wall" "$(echo "$rows / $wall" | bc -l)" "$rss" \
    | tee -a "$results/results.tsv"
}
# The history is reported as of the day before tonight, like the night before: tonight's report
# then starts from it (docs/operations.md, Incremental reports).
common=(--reference "$data/reference" --config "$data/config" \
  --warehouse "$work/warehouse" --reports "$work/reports")
rows_in() { find "$1" -name '*.csv' -exec cat {} + | wc -l; }

# The first run after a build records the class-data-sharing archive (about twice as slow):
# warm it up, unmeasured, like any night after the first.
jobs/channel-expansion nightly --input "$tiny" --reference "$data/reference" --config "$data/config" \
  --warehouse "$work/warmup-warehouse" --reports "$work/warmup-reports" --as-of 2026-10-31 \
  > /dev/null 2>&1
measure tiny "$(rows_in "$tiny")" jobs/channel-expansion nightly --input "$tiny" \
  --reference "$data/reference" --config "$data/config" \
  --warehouse "$work/tiny-warehouse" --reports "$work/tiny-reports" --as-of 2026-10-31
measure ingest "$(rows_in "$history")" jobs/channel-expansion ingest --input "$history" "${common[@]}" \
  --as-of 2026-10-30
measure report "$(rows_in "$history")" jobs/channel-expansion report --input "$history" "${common[@]}" \
  --as-of 2026-10-30
cp "$data/exports/$tonight" "$history/2026/"
measure night "$(rows_in "$tiny")" jobs/channel-expansion nightly --input "$history" "${common[@]}" \
  --as-of 2026-10-31
seconds_of() { awk -F'\t' -v n="$1" '$2 == n {s = $5} END {sub(/ s wall/, "", s); print s + 0}' "$results/results.tsv"; }
measure floor "$(rows_in "$data/exports")" java ${JAVA_OPTS:--Xmx4g} -cp "$classpath" \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  bench/CsvToParquetFloor.java "$data/exports" "$work/floor"

# The DuckDB peer: its JDBC driver from Maven Central, kept out of the job's own classpath.
duckdb_jar=target/bench/duckdb_jdbc-2.0.0.1.jar
[[ -f "$duckdb_jar" ]] || (mvn -B -q dependency:copy -Dartifact=org.duckdb:duckdb_jdbc:2.0.0.1 \
  -DoutputDirectory=target/bench) >&2
peer=(java -cp "$duckdb_jar" bench/DuckDbPeer.java --reference "$data/reference" --config "$data/config" \
  --as-of 2026-10-31 --threads 2 --memory-limit "${DUCKDB_MEMORY:-8GB}")
measure duckdb-tiny "$(rows_in "$tiny")" "${peer[@]}" --exports "$tiny" --out "$work/duckdb-tiny"
measure duckdb "$(rows_in "$history")" "${peer[@]}" --exports "$history" --out "$work/duckdb"
java -cp "$duckdb_jar" bench/DuckDbCompare.java --peer "$work/duckdb" \
  --job "$work/reports/as_of=2026-10-31" | tee "$results/duckdb-compare-$lines.out"

# Ratios of this run (the last line of each measurement in results.tsv is this run's).
duck=$(seconds_of duckdb)
printf 'ratios at %s lines: night/tiny %.2f, full rebuild (ingest+report)/duckdb %.2f, night/duckdb %.2f, tiny/duckdb-tiny %.2f, floor/duckdb %.2f\n' \
  "$lines" "$(echo "$(seconds_of night) / $(seconds_of tiny)" | bc -l)" \
  "$(echo "($(seconds_of ingest) + $(seconds_of report)) / $duck" | bc -l)" \
  "$(echo "$(seconds_of night) / $duck" | bc -l)" \
  "$(echo "$(seconds_of tiny) / $(seconds_of duckdb-tiny)" | bc -l)" \
  "$(echo "$(seconds_of floor) / $duck" | bc -l)" | tee -a "$results/ratios.txt"
