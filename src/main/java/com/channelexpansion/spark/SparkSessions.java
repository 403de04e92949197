package com.channelexpansion.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds the one SparkSession a run uses, with the settings every step relies on: UTC session
 * time zone (business dates are computed explicitly in the configured zone, never from the JVM's),
 * java.time values in Rows (no java.sql.Date zone shifts), timestamps written as TIMESTAMP_MICROS
 * and ANSI mode left on.
 *
 * <p>The user's settings always win. The job's settings are defaults: each applies only where
 * Spark was not given the key (spark-submit {@code --conf}, spark-defaults.conf, {@code -Dspark.*}).
 * The SQL defaults are set on the session, not in the SparkConf, so that the SparkConf holds only
 * what the user passed and {@link #sizeShufflesFor} can tell the two apart.
 *
 * <p>A job never changes its caller's session: it works on {@link #forJob}, a new session with the
 * caller's settings. Spark's {@code cloneSession()} would do the same, but it is {@code
 * private[sql]} in Scala and exists only on the classic session, so this class uses the public
 * {@code newSession()} and copies the settings the caller changed at run time. A new session
 * shares the SparkContext and the cache with its caller, and has its own SQL settings, temporary
 * views and functions (the jobs register none).
 */
public final class SparkSessions {
  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  private static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  private static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
  private static final String CODEGEN_FACTORY = "spark.sql.codegen.factoryMode";
  private static final String EXTENSIONS = "spark.sql.extensions";
  private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  private static final String SESSION_CATALOG = "spark.sql.catalog.spark_catalog";
  private static final String DELTA_SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  private SparkSessions() {}

  /**
   * A session for {@code master}; when null (spark-submit) the master comes from spark-submit. A
   * session that already exists (tests, notebooks) is used, with the SQL defaults it lacks.
   */
  public static SparkSession create(String appName, String master, int shufflePartitions) {
    SparkConf given = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
      defaultTo(given, builder, "spark.ui.enabled", "false");
    }
    // The job writes its own _SUCCESS marker last; Spark's per-folder one would be misleading.
    defaultTo(given, builder, "spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    defaultTo(given, builder, "spark.hadoop.parquet.summary.metadata.level", "NONE");
    withDelta(given, builder);
    SparkSession spark = builder.getOrCreate();
    requireDelta(spark);
    Map<String, String> sql = new LinkedHashMap<>();
    sql.put("spark.sql.session.timeZone", "UTC");
    sql.put("spark.sql.datetime.java8API.enabled", "true");
    sql.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    sql.put(SHUFFLE_PARTITIONS, String.valueOf(shufflePartitions));
    sql.put(ADAPTIVE, "true");
    sql.put("spark.sql.ansi.enabled", "true");
    sql.put("spark.sql.debug.maxToStringFields", "200");
    // A report's plans reach over cached parts that reach over others: printed in full for the
    // UI and event log at every query and re-plan, they cost a night's report about a minute.
    sql.put("spark.sql.maxPlanStringLength", "8192");
    // Delta rebuilds a table's state from its log with this many tasks (default 50): the log of
    // order_lines is small, and 50 tasks cost a short run seconds per commit.
    sql.put(DELTA_SNAPSHOT_PARTITIONS, String.valueOf(Math.max(1, shufflePartitions)));
    // Delta keeps every table it opened (up to 10,000) with its snapshot in memory; a run opens
    // one. Read once, at Delta's first use: a JVM that opens many tables (the tests) keeps few.
    sql.put("spark.databricks.delta.delta.log.cacheSize", "8");
    SparkConf started = spark.sparkContext().getConf();
    sql.forEach(
        (key, value) -> {
          if (!started.contains(key) && !spark.conf().contains(key)) {
            spark.conf().set(key, value);
          }
        });
    withoutChecksumFiles(spark);
    return spark;
  }

  /**
   * A session for one job: the caller's settings, on a session of its own, so what the job
   * changes ({@link #sizeShufflesFor}) ends with the job and the caller's session stays as it was.
   */
  public static SparkSession forJob(SparkSession caller) {
    SparkSession job = caller.newSession();
    RuntimeConfig to = job.conf();
    CollectionConverters.asJava(caller.conf().getAll())
        .forEach(
            (key, value) -> {
              scala.Option<String> current = to.getOption(key);
              // Not isModifiable: it is false for a key whose library has not registered it yet
              // (Delta's, before Delta's first use), and those settings would be lost.
              if (!SQLConf.isStaticConfigKey(key) && (current.isEmpty() || !current.get().equals(value))) {
                to.set(key, value);
              }
            });
    return job;
  }

  /**
   * Sizes the job session's shuffles to the rows a step is about to process: for small data one
   * partition, without adaptive execution (a short run is dominated by per-task latency, and
   * adaptive execution cannot merge map-side partitions), and without whole-stage code
   * generation (compiling costs more than it saves); otherwise about 500,000 rows per partition
   * and at least one per core, with both. A key the user set when Spark
   * started is left alone. Results do not depend on it: output files are laid out explicitly and
   * sums are exact decimals.
   *
   * @param spark a job's session ({@link #forJob}), never a caller's
   */
  public static void sizeShufflesFor(SparkSession spark, long rows) {
    sizeShufflesFor(spark, rows, spark.sparkContext().getConf());
  }

  /** {@link #sizeShufflesFor(SparkSession, long)}, {@code given} being what the user set. */
  static void sizeShufflesFor(SparkSession spark, long rows, SparkConf given) {
    int partitions =
        rows < 100_000
            ? 1
            : (int) Math.max(spark.sparkContext().defaultParallelism(), (rows + 499_999) / 500_000);
    if (!given.contains(SHUFFLE_PARTITIONS)) {
      spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(partitions));
    }
    // With one partition adaptive execution has nothing to coalesce or split, and re-planning
    // after every stage costs a short run about half a second.
    if (!given.contains(ADAPTIVE)) {
      spark.conf().set(ADAPTIVE, String.valueOf(rows >= 100_000));
    }
    // Compiling a stage's generated code takes longer than interpreting it over a few rows.
    if (!given.contains(WHOLE_STAGE_CODEGEN)) {
      spark.conf().set(WHOLE_STAGE_CODEGEN, String.valueOf(rows >= 100_000));
    }
    // The same for the projections, predicates and orderings each task still generates without
    // whole-stage code: compiling them was over half the executors' time of a warm run on 4,000
    // lines. NO_CODEGEN interprets them; FALLBACK (Spark's default) compiles, interpreting only
    // what fails to compile. The results are the same either way.
    if (!given.contains(CODEGEN_FACTORY)) {
      spark.conf().set(CODEGEN_FACTORY, rows >= 100_000 ? "FALLBACK" : "NO_CODEGEN");
    }
  }

  /**
   * order_lines is a Delta table: its MERGE needs Delta's session extension (added to any the
   * user gives) and catalog (unless the user names another), both fixed when the session starts.
   */
  private static void withDelta(SparkConf given, SparkSession.Builder builder) {
    String extensions = given.get(EXTENSIONS, "");
    if (!extensions.contains(DELTA_EXTENSION)) {
      builder.config(EXTENSIONS, extensions.isBlank() ? DELTA_EXTENSION : extensions + "," + DELTA_EXTENSION);
    }
    defaultTo(given, builder, SESSION_CATALOG, "org.apache.spark.sql.delta.catalog.DeltaCatalog");
  }

  /** A session started elsewhere (a notebook) without Delta cannot write order_lines: say so. */
  private static void requireDelta(SparkSession spark) {
    if (!spark.sparkContext().getConf().get(EXTENSIONS, "").contains(DELTA_EXTENSION)) {
      throw new IllegalStateException(
          "Cannot run: the Spark session was started without Delta Lake's extension; start it with"
              + " --conf " + EXTENSIONS + "=" + DELTA_EXTENSION);
    }
  }

  private static void defaultTo(SparkConf given, SparkSession.Builder builder, String key, String value) {
    if (!given.contains(key)) {
      builder.config(key, value);
    }
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
