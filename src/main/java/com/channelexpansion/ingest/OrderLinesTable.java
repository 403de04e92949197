package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.ChangedLines;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesFolder;
import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes and merges {@code order_lines/} ({@link OrderLinesFolder} for its layout). A file's bytes depend only on its month's lines, so a night that brings lines of
 * one or two months rewrites those months and leaves the rest of the history alone, and the table
 * still equals a full rebuild byte for byte. Readers get {@code month} from the folder name
 * (Spark, DuckDB and pyarrow read Hive partitions).
 */
public final class OrderLinesTable {
  /** New versions up to this many rows are broadcast when looking up the winners they replace. */
  private static final long BROADCAST_ROWS = 2_000_000L;

  /** New versions up to this many rows have their order ids listed in the history's filter. */
  private static final long LISTED_ORDER_IDS = 200_000L;

  private static final String[] KEY = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};

  private OrderLinesTable() {}

  /**
   * The months a merge rewrites (sorted) and their lines after it; a month of {@code months}
   * without lines in {@code monthsRows} is left empty and must be removed. {@code changed} holds
   * the (customer_id, month) pairs of every line added or replaced, old and new version: what a
   * report must look at again ({@link ChangedLines#SCHEMA}).
   */
  public record Merge(SortedSet<String> months, Dataset<Row> monthsRows, Dataset<Row> changed) {}

  /** Writes {@code lines} (schema {@link OrderLineColumns#SCHEMA}) by month; rows per month. */
  public static SortedMap<String, Long> write(Dataset<Row> lines, Path target) throws IOException {
    return ParquetTableWriter.writePartitioned(
        lines, target, OrderLineColumns.MONTH, new Column[] {col(KEY[0]), col(KEY[1])});
  }

  /**
   * Merges versions from files never ingested before into the published winners (rule 2): the
   * months rewritten are those of the new versions and of the winners sharing their key, since an
   * update may move a line to another month. The ranking of versions is a total order, so the
   * result equals resolving every version again.
   *
   * @param newVersions accepted versions, uncredited (the ingest batch's columns)
   * @param newVersionRows their number, to decide whether their keys are broadcast
   * @param credit adds credited_rep_id (rule 10) and selects the table's columns
   */
  public static Merge merge(
      SparkSession spark,
      Path table,
      Dataset<Row> newVersions,
      long newVersionRows,
      UnaryOperator<Dataset<Row>> credit) {
    Dataset<Row> published = OrderLinesFolder.read(spark, table);
    Dataset<Row> keys = newVersions.select(col(KEY[0]), col(KEY[1])).distinct();
    Dataset<Row> lookup = newVersionRows <= BROADCAST_ROWS ? broadcast(keys) : keys;
    Dataset<Row> candidates = published;
    if (newVersionRows <= LISTED_ORDER_IDS) {
      // Month files are sorted by order_id, so Parquet skips the months whose order ids all lie
      // outside the new versions' (Spark pushes a long IN list down as its min-max range): with
      // order numbers that grow over time, a night reads the keys of its own months only.
      Object[] orderIds =
          keys.select(col(KEY[0])).distinct().collectAsList().stream().map(r -> r.get(0)).toArray();
      candidates = published.where(col(KEY[0]).isin(orderIds));
    }
    // Only the key columns of the history are scanned to find the customers and months the
    // night touches: a few rows per new line reach the driver.
    Column[] customerMonth = {col(OrderLineColumns.CUSTOMER_ID), col(OrderLineColumns.MONTH)};
    List<Row> touched =
        candidates.select(col(KEY[0]), col(KEY[1]), customerMonth[0], customerMonth[1])
            .join(lookup, KEY, "left_semi")
            .select(customerMonth)
            .union(newVersions.select(customerMonth))
            .distinct()
            .collectAsList();
    SortedSet<String> months = new TreeSet<>();
    touched.forEach(row -> months.add(row.getString(1)));
    Dataset<Row> changed = spark.createDataFrame(touched, ChangedLines.SCHEMA);
    Dataset<Row> monthsWinners =
        published.where(col(OrderLineColumns.MONTH).isin((Object[]) months.toArray(String[]::new)));
    LatestVersions.Split split = LatestVersions.splitByKeys(monthsWinners, lookup);
    Dataset<Row> challengers =
        split.touched()
            .drop(OrderLineColumns.CREDIT_COLUMNS.toArray(String[]::new))
            .unionByName(newVersions);
    // A join on key names puts the key first: the table's column order is restored.
    Dataset<Row> rows =
        split.untouched()
            .unionByName(credit.apply(LatestVersions.keepLatest(challengers)))
            .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
    return new Merge(months, rows, changed);
  }

}
