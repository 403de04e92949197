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

  /**
   * Whether the version of alias {@code a} ranks above that of alias {@code b} in {@link
   * #keepLatest}'s order: later updated_at (an empty one the oldest), then the later source
   * file, then the later line.
   */
  static Column ranksAbove(String a, String b) {
    Column updatedA = col(a + "." + OrderLineColumns.UPDATED_AT);
    Column updatedB = col(b + "." + OrderLineColumns.UPDATED_AT);
    Column fileA = col(a + "." + OrderLineColumns.SOURCE_FILE);
    Column fileB = col(b + "." + OrderLineColumns.SOURCE_FILE);
    Column laterFileOrLine =
        fileA.gt(fileB)
            .or(fileA.equalTo(fileB)
                .and(col(a + "." + OrderLineColumns.SOURCE_LINE).gt(col(b + "." + OrderLineColumns.SOURCE_LINE))));
    return updatedA.gt(updatedB)
        .or(updatedA.isNotNull().and(updatedB.isNull()))
        .or(updatedA.eqNullSafe(updatedB).and(laterFileOrLine));
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
