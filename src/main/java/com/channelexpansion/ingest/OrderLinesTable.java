package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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

  /** New versions up to this many rows have their order ids listed in the history's filter. */
  private static final long LISTED_ORDER_IDS = 200_000L;

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
   * so the result equals resolving every version again. Returns the committed version.
   *
   * @param newVersions accepted versions, uncredited (the ingest batch's columns)
   * @param newVersionRows their number, to decide whether their keys are broadcast
   * @param credit adds credited_rep_id (rule 10) and selects the table's columns
   */
  static long merge(
      SparkSession spark,
      Path table,
      Dataset<Row> newVersions,
      long newVersionRows,
      UnaryOperator<Dataset<Row>> credit,
      String commitNote) {
    List<String> months = monthsOfReplacedLines(spark, table, newVersions, newVersionRows);
    // The months in the ON clause let Delta read only the partitions that hold replaced lines.
    Column on =
        col("t." + KEY[0]).equalTo(col("s." + KEY[0]))
            .and(col("t." + KEY[1]).equalTo(col("s." + KEY[1])))
            .and(months.isEmpty() ? lit(false) : col("t." + OrderLineColumns.MONTH).isin(months.toArray()));
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
    return OrderLinesDelta.latestVersion(spark, table);
  }

  /**
   * The months of the stored lines that share a key with {@code newVersions}: only the key and
   * month columns are read, and with few new versions only the files whose order-id range holds
   * one of theirs.
   */
  private static List<String> monthsOfReplacedLines(
      SparkSession spark, Path table, Dataset<Row> newVersions, long newVersionRows) {
    Dataset<Row> stored = spark.read().format("delta").load(table.toString());
    Dataset<Row> keys = newVersions.select(col(KEY[0]), col(KEY[1])).distinct();
    Dataset<Row> lookup = newVersionRows <= BROADCAST_ROWS ? broadcast(keys) : keys;
    if (newVersionRows <= LISTED_ORDER_IDS) {
      Object[] orderIds =
          keys.select(col(KEY[0])).distinct().collectAsList().stream().map(r -> r.get(0)).toArray();
      stored = stored.where(col(KEY[0]).isin(orderIds));
    }
    return stored
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
