package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.publish.SparkParquetWriter;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderRefundColumns;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Keeps {@code order_refunds/}: the latest version of each order's refund total, resolved like
 * the lines (rule 2, {@link LatestVersions}) among the versions that carry one. A night merges
 * its new versions into the stored rows; a full resolve starts from every version. One row per
 * refund-carrying order.
 */
public final class OrderRefundsTable {
  private OrderRefundsTable() {}

  /** The refund-carrying accepted versions among staged rows ({@link ValidatedRows#SCHEMA}). */
  public static Dataset<Row> versionsIn(Dataset<Row> validated) {
    return validated
        .where(
            col(ValidatedRows.REJECT_REASON).isNull()
                .and(col(ValidatedRows.ORDER_REFUNDED_AMOUNT).isNotNull()))
        .withColumn(OrderRefundColumns.REFUNDED_AMOUNT, col(ValidatedRows.ORDER_REFUNDED_AMOUNT))
        .select(Columns.named(OrderRefundColumns.SCHEMA.fieldNames()));
  }

  /** The latest version of each order's refund total among {@code versions}. */
  public static Dataset<Row> latest(Dataset<Row> versions) {
    return LatestVersions.keepLatest(versions)
        .select(Columns.named(OrderRefundColumns.SCHEMA.fieldNames()));
  }

  /** Writes the table with Spark's writer, each part file sorted by order. */
  public static void write(Dataset<Row> refunds, Path target) throws IOException {
    SparkParquetWriter.write(
        refunds, target, Columns.named(OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER));
  }
}
