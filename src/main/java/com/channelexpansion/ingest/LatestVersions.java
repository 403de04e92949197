package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import com.channelexpansion.warehouse.OrderLineColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Resolves duplicates (PRODUCT.md rule 2): among accepted rows with the same (order_id,
 * line_number) the one with the latest updated_at wins, an empty updated_at being the oldest; ties
 * go to the file whose relative path sorts last (Spark compares strings by UTF-8 bytes, which is
 * Unicode code point order), then to the later line. The ranking is total, so the winner never
 * depends on partitioning (unlike dropDuplicates).
 */
public final class LatestVersions {
  private static final String RANK = "_version_rank";

  private LatestVersions() {}

  /** Winners whose key a batch of new versions does not touch, and those it does. */
  public record Split(Dataset<Row> untouched, Dataset<Row> touched) {}

  /**
   * Splits {@code winners} by whether {@code keys}, the distinct keys (order_id, line_number) of
   * a batch of new versions, hold their key (a broadcast hint on {@code keys} is kept).
   * The ranking is a total order, so the winners of all versions equal the untouched winners plus
   * {@code keepLatest(touched + newVersions)}, as long as the new versions come from files not
   * ingested before (a re-read file can take back a winner: that needs every version).
   */
  public static Split splitByKeys(Dataset<Row> winners, Dataset<Row> keys) {
    String[] key = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};
    return new Split(winners.join(keys, key, "left_anti"), winners.join(keys, key, "left_semi"));
  }

  public static Dataset<Row> keepLatest(Dataset<Row> acceptedLines) {
    Column[] newestFirst = {
      col(OrderLineColumns.UPDATED_AT).desc_nulls_last(),
      col(OrderLineColumns.SOURCE_FILE).desc(),
      col(OrderLineColumns.SOURCE_LINE).desc()
    };
    return acceptedLines
        .withColumn(
            RANK,
            row_number()
                .over(
                    Window.partitionBy(
                            col(OrderLineColumns.ORDER_ID), col(OrderLineColumns.LINE_NUMBER))
                        .orderBy(newestFirst)))
        .where(col(RANK).equalTo(1))
        .drop(RANK);
  }
}
