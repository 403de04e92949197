package com.channelexpansion.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a run uses, with the settings every step relies on: UTC session
 * time zone (business dates are computed explicitly in the configured zone, never from the JVM's),
 * java.time values in Rows (no java.sql.Date zone shifts), timestamps written as TIMESTAMP_MICROS
 * and ANSI mode left on.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session for {@code master}; when null (spark-submit) the master comes from spark-submit.
   * Settings already given on the command line (spark-submit --conf) win over these defaults.
   */
  public static SparkSession create(String appName, String master, int shufflePartitions) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master).config("spark.ui.enabled", "false");
    }
    SparkSession spark =
        builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.ansi.enabled", "true")
        // The job writes its own _SUCCESS marker last; Spark's per-folder one would be misleading.
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .config("spark.hadoop.parquet.summary.metadata.level", "NONE")
        .config("spark.sql.debug.maxToStringFields", "200")
        .getOrCreate();
    withoutChecksumFiles(spark);
    return spark;
  }

  /**
   * Sizes shuffles to the rows a step is about to process: one partition, without adaptive
   * execution, for small data (a short run is dominated by per-task latency, and adaptive
   * execution cannot merge map-side partitions), otherwise about 500,000 rows per partition and
   * at least one per core, with adaptive execution. Results do
   * not depend on it: output files are laid out explicitly and sums are exact decimals.
   */
  public static void sizeShufflesFor(SparkSession spark, long rows) {
    int partitions =
        rows < 100_000
            ? 1
            : (int) Math.max(spark.sparkContext().defaultParallelism(), (rows + 499_999) / 500_000);
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
    // With one partition adaptive execution has nothing to coalesce or split, and re-planning
    // after every stage costs a short run about half a second.
    spark.conf().set("spark.sql.adaptive.enabled", String.valueOf(rows >= 100_000));
  }

  /**
   * The local file system writes a hidden {@code .name.crc} beside every file; in a folder an
   * executive opens they are clutter, and Parquet carries its own checksums.
   */
  private static void withoutChecksumFiles(SparkSession spark) {
    try {
      FileSystem.getLocal(spark.sparkContext().hadoopConfiguration()).setWriteChecksum(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the local file system", e);
    }
  }
}
