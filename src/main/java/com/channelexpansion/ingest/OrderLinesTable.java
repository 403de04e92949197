package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesDelta;
import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes order_lines ({@link OrderLinesDelta}), one Delta commit per run: a whole new table
 * ({@link #overwrite}) or tonight's versions merged into it ({@link #merge}). Either way the table
 * equals resolving every version again (rule 2), and each commit carries the run's id and
 * definitions in its {@code userMetadata}.
 */
final class OrderLinesTable {
  /** New versions up to this many rows are broadcast when looking up the winners they replace. */
  private static final long BROADCAST_ROWS = 2_000_000L;

  private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  private static final String DEFAULT_PROPERTY_PREFIX = "spark.databricks.delta.properties.defaults.";

  private static final String[] KEY = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};

  private OrderLinesTable() {}

  /**
   * Replaces the table's content by the winners among {@code versions} (rule 2), credited, in one
   * commit, creating the table ({@link OrderLinesDelta#PROPERTIES}) when there is none; returns
   * the committed version. The versions are range-partitioned by key once: the ranking needs no
   * shuffle of its own, as many tasks write as the shuffle has partitions, and each file covers a
   * narrow range of order ids, which lets a night's lookup skip the rest (Delta keeps each file's
   * min and max). Ranging the winners instead would compute the ranking twice (once for the
   * range's sample, once for its shuffle).
   *
   * @param versions accepted versions, uncredited (the ingest batch's columns)
   * @param credit adds credited_rep_id (rule 10) and selects the table's columns
   */
  static long overwrite(
      SparkSession spark,
      Path table,
      Dataset<Row> versions,
      UnaryOperator<Dataset<Row>> credit,
      String commitNote) {
    // A new table takes its properties from the session's defaults in the same commit that
    // writes its first lines (the job's session is its own: the defaults end with it).
    for (String[] property : OrderLinesDelta.PROPERTIES) {
      spark.conf().set(DEFAULT_PROPERTY_PREFIX + property[0].substring("delta.".length()), property[1]);
    }
    Dataset<Row> ranged = versions.repartitionByRange(col(KEY[0]), col(KEY[1]));
    Column[] order = {col(OrderLineColumns.MONTH), col(KEY[0]), col(KEY[1])};
    withCommitNote(
        spark,
        commitNote,
        () ->
            credit.apply(LatestVersions.keepLatest(ranged))
                .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()))
                .sortWithinPartitions(order)
                .write()
                .format("delta")
                .mode(SaveMode.Overwrite)
                .partitionBy(OrderLineColumns.MONTH)
                .save(table.toString()));
    return OrderLinesDelta.latestVersion(spark, table);
  }

  /**
   * Merges versions from files never ingested before into the table's winners (rule 2) with one
   * Delta MERGE: a new version replaces the stored line of its key when it ranks above it
   * ({@link LatestVersions}), and is inserted when its key is new. The ranking is a total order,
   * so the result equals resolving every version again. Returns the commit it made.
   *
   * @param newVersions accepted versions, uncredited (the ingest batch's columns)
   * @param newVersionRows their number, to decide whether their keys are broadcast
   * @param credit adds credited_rep_id (rule 10) and selects the table's columns
   */
  static OrderLinesDelta.Commit merge(
      SparkSession spark,
      Path table,
      Dataset<Row> newVersions,
      long newVersionRows,
      UnaryOperator<Dataset<Row>> credit,
      String commitNote) {
    Dataset<Row> keys = newVersions.select(col(KEY[0]), col(KEY[1])).distinct();
    Row idRange = keys.agg(min(KEY[0]), max(KEY[0])).first();
    List<String> months = monthsOfReplacedLines(spark, table, keys, inIdRange(idRange, KEY[0]), newVersionRows);
    // The months and the order-id range in the ON clause let Delta read only the files that may
    // hold replaced lines: their partitions, and of those the files whose key range meets tonight's.
    Column on =
        col("t." + KEY[0]).equalTo(col("s." + KEY[0]))
            .and(col("t." + KEY[1]).equalTo(col("s." + KEY[1])))
            .and(months.isEmpty() ? lit(false) : col("t." + OrderLineColumns.MONTH).isin(months.toArray()))
            .and(inIdRange(idRange, "t." + KEY[0]));
    Dataset<Row> winners = credit.apply(LatestVersions.keepLatest(newVersions));
    withCommitNote(
        spark,
        commitNote,
        () ->
            DeltaTable.forPath(spark, table.toString())
                .as("t")
                .merge(winners.as("s"), on)
                .whenMatched(LatestVersions.ranksAbove("s", "t"))
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute());
    return OrderLinesDelta.latestCommit(spark, table);
  }

  /**
   * The months of the stored lines that share a key with {@code keys}: only the key and month
   * columns are read, and only from the files whose order-id range meets {@code inRange} (a range,
   * not a list of ids: a list of thousands makes Delta's file skipping plan for seconds).
   */
  private static List<String> monthsOfReplacedLines(
      SparkSession spark, Path table, Dataset<Row> keys, Column inRange, long newVersionRows) {
    Dataset<Row> lookup = newVersionRows <= BROADCAST_ROWS ? broadcast(keys) : keys;
    return spark.read()
        .format("delta")
        .load(table.toString())
        .where(inRange)
        .select(col(KEY[0]), col(KEY[1]), col(OrderLineColumns.MONTH))
        .join(lookup, KEY, "left_semi")
        .select(OrderLineColumns.MONTH)
        .distinct()
        .collectAsList()
        .stream()
        .map(row -> row.getString(0))
        .sorted()
        .toList();
  }

  /** Whether {@code column} lies in the (min, max) range of {@code idRange}; false when it is empty. */
  private static Column inIdRange(Row idRange, String column) {
    return idRange.isNullAt(0) ? lit(false) : col(column).between(idRange.get(0), idRange.get(1));
  }

  /**
   * Takes the table back to {@code version} when a later run commit exists: a run that committed
   * to order_lines and was stopped before its ledger was published made it, and nothing vouches
   * for it (readers read the ledger's version). Commits without a run's note (VACUUM, OPTIMIZE
   * by an administrator) change no rows and are left alone. Returns whether it took it back.
   */
  static boolean restore(SparkSession spark, Path table, long version) {
    DeltaTable delta = DeltaTable.forPath(spark, table.toString());
    boolean unvouched =
        !delta.history()
            .where(col("version").gt(version).and(col("userMetadata").isNotNull()))
            .isEmpty();
    if (unvouched) {
      delta.restoreToVersion(version);
    }
    return unvouched;
  }

  /** Runs {@code commit} with {@code note} as the Delta commit's userMetadata. */
  private static void withCommitNote(SparkSession spark, String note, Runnable commit) {
    spark.conf().set(USER_METADATA, note);
    try {
      commit.run();
    } finally {
      spark.conf().unset(USER_METADATA);
    }
  }
}
