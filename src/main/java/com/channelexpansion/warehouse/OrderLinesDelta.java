package com.channelexpansion.warehouse;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.io.Json;
import com.channelexpansion.spark.Columns;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.delta.tables.DeltaTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * How {@code order_lines/} is kept: a Delta Lake table (path-based, no catalog) partitioned by
 * {@code month}, with its change data feed on, so that a reader sees one committed version at a
 * time (never a mix of replaced and replacing files), can read any past version, and can ask what
 * changed between two versions. Readers outside Spark open it with a Delta reader (DuckDB's
 * {@code delta_scan}, delta-rs), never as a Parquet glob: replaced files stay until VACUUM.
 */
public final class OrderLinesDelta {
  /** Table properties set when the table is created. */
  public static final String[][] PROPERTIES = {
    {"delta.enableChangeDataFeed", "true"},
    // No deletion vectors: with them on and no file carrying one yet, Delta lists the table's
    // files again each time a plan over it is analysed (PreprocessTableWithDVs); and a 10M night
    // measured with them was no faster (its MERGE still scans the files holding replaced lines,
    // docs/performance.md). A MERGE rewrites the few files holding replaced lines instead.
    {"delta.enableDeletionVectors", "false"},
    // Min and max of the key only: a night's lookup skips files by order id; statistics on all
    // 27 columns cost a 10M rebuild about 10 s of its write. (Row counts are always kept.)
    {"delta.dataSkippingStatsColumns", OrderLineColumns.ORDER_ID + "," + OrderLineColumns.LINE_NUMBER},
  };

  /** What an ingest run records in each of its commits' userMetadata. */
  public record CommitNote(String run, String validation, String crediting) {}

  private static final String MONTH_PREFIX = OrderLineColumns.MONTH + "=";

  private OrderLinesDelta() {}

  /** The table's schema: {@link OrderLineColumns#SCHEMA}'s columns and order, all optional. */
  public static StructType schema() {
    return OrderLineColumns.SCHEMA.asNullable();
  }

  /** True when {@code table} holds a Delta table (a warehouse of an earlier release holds plain Parquet). */
  public static boolean exists(SparkSession spark, Path table) {
    return DeltaTable.isDeltaTable(spark, table.toString());
  }

  /**
   * A commit of the table, from its history.
   *
   * @param operation Delta's name for it (WRITE, MERGE, RESTORE...)
   * @param metrics the commit's own operationMetrics
   */
  public record Commit(long version, String operation, Map<String, String> metrics) {
    /** Rows a MERGE added to the table less those it deleted (no data read); an error for any other operation. */
    public long rowsAddedByMerge() {
      if (!"MERGE".equals(operation)) {
        throw new IllegalStateException("order_lines version " + version + " is a " + operation + ", not a merge");
      }
      return Long.parseLong(metrics.get("numTargetRowsInserted")) - Long.parseLong(metrics.get("numTargetRowsDeleted"));
    }
  }

  /** The table's latest commit (one read of its history). */
  public static Commit latestCommit(SparkSession spark, Path table) {
    Row commit = DeltaTable.forPath(spark, table.toString()).history(1).first();
    return new Commit(
        commit.<Long>getAs("version"),
        commit.<String>getAs("operation"),
        commit.getJavaMap(commit.fieldIndex("operationMetrics")));
  }

  /** The latest committed version of the table. */
  public static long latestVersion(SparkSession spark, Path table) {
    return latestCommit(spark, table).version();
  }

  /** How many rows the latest version holds: Delta answers from its files' statistics. */
  public static long latestRowCount(SparkSession spark, Path table) {
    return DeltaTable.forPath(spark, table.toString()).toDF().count();
  }

  /**
   * The note of the latest run commit at or before {@code version} (a restore carries none and
   * leaves the table as an earlier commit made it); empty when there is none.
   */
  public static Optional<CommitNote> commitNote(SparkSession spark, Path table, long version) {
    List<Row> notes =
        DeltaTable.forPath(spark, table.toString())
            .history()
            .where(col("version").leq(version).and(col("userMetadata").isNotNull()))
            .orderBy(col("version").desc())
            .select("userMetadata")
            .limit(1)
            .collectAsList();
    if (notes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(notes.get(0).getString(0), CommitNote.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The table at {@code version}, in {@link OrderLineColumns#SCHEMA}'s column order. */
  public static Dataset<Row> read(SparkSession spark, Path table, long version) {
    return spark.read()
        .format("delta")
        .option("versionAsOf", version)
        .load(table.toString())
        .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
  }

  /**
   * Every row that changed after version {@code since} up to {@code until} (inserted, deleted, or
   * updated: old and new image), with the table's columns; empty when {@code since >= until}.
   */
  public static Dataset<Row> changesBetween(SparkSession spark, Path table, long since, long until) {
    if (since >= until) {
      return spark.createDataFrame(List.of(), schema());
    }
    return spark.read()
        .format("delta")
        .option("readChangeFeed", "true")
        .option("startingVersion", since + 1)
        .option("endingVersion", until)
        .load(table.toString())
        .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
  }

  /** The months that hold lines at {@code version}: from the table's file list, no data read. */
  public static SortedSet<String> months(SparkSession spark, Path table, long version) {
    SortedSet<String> months = new TreeSet<>();
    Arrays.stream(spark.read().format("delta").option("versionAsOf", version).load(table.toString()).inputFiles())
        .map(file -> new Path(file).getParent().getName())
        .filter(folder -> folder.startsWith(MONTH_PREFIX))
        .forEach(folder -> months.add(folder.substring(MONTH_PREFIX.length())));
    return months;
  }
}
