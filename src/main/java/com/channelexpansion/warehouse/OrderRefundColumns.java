package com.channelexpansion.warehouse;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse's {@code order_refunds/} table: one row per order whose export holds its refunds
 * only as an order total (Shopify {@code Refunded Amount}), from the latest version of the
 * order's first line. Such refunds cannot be dated or put on lines, so they are not netted from
 * revenue; the report shows their total beside it ({@code refunds_not_netted}).
 */
public final class OrderRefundColumns {
  /** The order's refunded total in the reporting currency, at the order date's FX rate. */
  public static final String REFUNDED_AMOUNT = "refunded_amount";

  /** The written schema, in column order; version columns decide between exports of an order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(OrderLineColumns.ORDER_ID, DataTypes.StringType, false)
          .add(OrderLineColumns.LINE_NUMBER, DataTypes.LongType, false)
          .add(OrderLineColumns.ORDER_DATE, DataTypes.DateType, false)
          .add(OrderLineColumns.CURRENCY, DataTypes.StringType, false)
          .add(REFUNDED_AMOUNT, OrderLineColumns.MONEY_TYPE, false)
          .add(OrderLineColumns.IS_CANCELLED, DataTypes.BooleanType, false)
          .add(OrderLineColumns.UPDATED_AT, DataTypes.TimestampType, true)
          .add(OrderLineColumns.SOURCE_FILE, DataTypes.StringType, false)
          .add(OrderLineColumns.SOURCE_LINE, DataTypes.LongType, false);

  private OrderRefundColumns() {}

  /** The stored table, or an empty one when the warehouse has none yet. */
  public static Dataset<Row> read(SparkSession spark, FileSystem fs, Path table) throws IOException {
    if (!fs.exists(table)) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    return spark.read().schema(SCHEMA).parquet(table.toString());
  }
}
