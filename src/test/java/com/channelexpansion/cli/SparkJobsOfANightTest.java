package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.CommandLine;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the Spark jobs of an incremental night on the small samples, in the manner of Deequ's
 * tests: a listener on the shared session records every job's description and every SQL query's
 * plan. It pins that every job is named (the Spark UI reads as the step list), that an incremental
 * night stays a bounded number of jobs, and that it reads order_lines a bounded number of times,
 * so a new unnamed job or a second full read fails here instead of slowing nights silently. The
 * same night checks that the job leaves its caller's session as it was: settings and cache.
 */
class SparkJobsOfANightTest {
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,sales_rep_id,quote_id,sku,"
          + "quantity,unit_price,discount_amount,currency,order_status,updated_at\n";

  /**
   * Spark jobs of the incremental night below (ingest merging one new file, then the report
   * updated from the previous night's): file listings, the validation read, the merge's lookups
   * and writes, and the report's changed months and outputs. Measured 98 (Spark 4.2, local[2]),
   * of which 2 are Spark's own file listings, named by Spark; 134 since the value case (team
   * summary, channel states, transitions, pilots: about 26 jobs, most of them the query stages
   * adaptive execution runs one by one) and the executive pages (8 pages' monthly tables: 6 jobs)
   * joined the report; 153 since order_lines is a Delta table (Delta's own jobs, named after the
   * step that runs them: the MERGE's source materialized, files scanned for matches, files
   * written, and "Filtering files for query" where a read first resolves the table's snapshot).
   * 96 since order_lines has no deletion vectors (Delta listed the table's files again at each
   * analysis of a plan over it) and a small night's report runs as small data (no adaptive
   * execution's query stages). 101 on 2026-12-08, then 107: the value case's aggregations over
   * every line read it from the table each (Delta plans each read with a "Filtering files for
   * query" job: 8 more) instead of passing over every line kept in memory, which a 10M night's
   * build paid about 6 s for. Pinned with a margin of 10 for jobs Spark itself adds or drops
   * between versions (broadcasts, listings).
   */
  private static final int MAX_JOBS = 117;

  /**
   * SQL queries of that night whose plan scans order_lines/ (a Parquet scan of its folder, also
   * counted when the scan sits under a cached relation the query builds or reads): the merge's
   * lookup and rewrite of the touched months and the report's reads of its changed months, and the
   * queries that use the report's cached month lines. Measured 22; 34 since the value case, whose
   * parts all read one cached slice of the counted lines (each query over that cache counts
   * here); 35 with order_lines in Delta; 33 with the parts a night stacks materialized. Pinned with a margin of 2: a new read of order_lines (or a cache that stops being
   * reused) adds queries here.
   */
  private static final int MAX_ORDER_LINES_QUERIES = 36;

  private static final String PLAN_STRING_LENGTH = "spark.sql.maxPlanStringLength";

  /** A Parquet scan's location in a formatted plan, naming the warehouse's order_lines/. */
  private static final Pattern ORDER_LINES_SCAN =
      Pattern.compile("(?m)^Location: [^\\n]*/warehouse/order_lines");

  @TempDir static Path dir;

  @Test
  void anIncrementalNightRunsFewNamedJobsAndLeavesTheCallersSessionAsItWas() throws Exception {
    Path samples = SmallSamples.generate(dir.resolve("samples"));
    Path input = dir.resolve("input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> true);
    run(samples, input, "2026-10-30");
    Files.createDirectories(input.resolve("late"));
    Files.writeString(
        input.resolve("late/tonight.csv"),
        HEADER
            + "TONIGHT-1,1,2026-10-31T17:00:00Z,C-TONIGHT,WEB,,,SKU-1,2,50,0,USD,,2026-11-01T06:00:00Z\n");

    SparkSession spark = SharedSpark.get();
    Dataset<Row> callersCache = spark.range(5).toDF().cache();
    callersCache.count();
    String adaptive = spark.conf().get("spark.sql.adaptive.enabled");
    String partitions = spark.conf().get("spark.sql.shuffle.partitions");
    String planLength = spark.conf().get(PLAN_STRING_LENGTH);
    spark.conf().set("spark.sql.adaptive.enabled", "true");
    spark.conf().set("spark.sql.shuffle.partitions", "7");
    // Whole plans: the job caps their strings, and a scan past the cap would not be counted.
    spark.conf().set(PLAN_STRING_LENGTH, String.valueOf(Integer.MAX_VALUE - 15));
    Recorder recorder = new Recorder();
    spark.sparkContext().addSparkListener(recorder);
    try {
      run(samples, input, "2026-10-31");
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertEquals("true", spark.conf().get("spark.sql.adaptive.enabled"), "the caller's setting");
      assertEquals("7", spark.conf().get("spark.sql.shuffle.partitions"), "the caller's setting");
    } finally {
      spark.sparkContext().removeSparkListener(recorder);
      spark.conf().set("spark.sql.adaptive.enabled", adaptive);
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
      spark.conf().set(PLAN_STRING_LENGTH, planLength);
    }
    List<String> jobs = recorder.jobs();
    System.out.println("Spark jobs of the incremental night (" + jobs.size() + "):");
    jobs.forEach(job -> System.out.println("  " + job));
    System.out.println("SQL queries scanning order_lines: " + recorder.orderLinesQueries());
    assertNotEquals(
        StorageLevel.NONE(), callersCache.storageLevel(), "the report dropped the caller's cache");
    callersCache.unpersist(true);
    assertEquals(List.of(), jobs.stream().filter(job -> job == null).toList(), "unnamed jobs: " + jobs);
    assertTrue(jobs.size() <= MAX_JOBS, jobs.size() + " jobs, at most " + MAX_JOBS + ": " + jobs);
    assertTrue(
        recorder.orderLinesQueries() <= MAX_ORDER_LINES_QUERIES,
        recorder.orderLinesQueries() + " queries scan order_lines, at most " + MAX_ORDER_LINES_QUERIES);
  }

  private static void run(Path samples, Path input, String asOf) {
    CommandLine.succeed(
        List.of(
            "nightly",
            "--input", input.toString(),
            "--reference", samples.resolve("reference").toString(),
            "--config", samples.resolve("config").toString(),
            "--warehouse", dir.resolve("warehouse").toString(),
            "--reports", dir.resolve("reports").toString(),
            "--as-of", asOf));
  }

  /** Every job's description (null when it has none) and the queries that scan order_lines. */
  private static final class Recorder extends SparkListener {
    private final List<String> jobs = new ArrayList<>();
    private int orderLinesQueries;

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
      jobs.add(start.properties() == null ? null : start.properties().getProperty("spark.job.description"));
    }

    @Override
    public synchronized void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionStart query
          && ORDER_LINES_SCAN.matcher(query.physicalPlanDescription()).find()) {
        orderLinesQueries++;
      }
    }

    synchronized List<String> jobs() {
      return new ArrayList<>(jobs);
    }

    synchronized int orderLinesQueries() {
      return orderLinesQueries;
    }
  }
}
