package com.channelexpansion.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rule 7's earliest line per group, without sorting every line: the group's earliest instant by
 * a hash aggregation first, then the least {@code candidate} among the few lines at that instant
 * (a struct in an aggregation over every line made Spark sort them all).
 */
public final class EarliestLines {
  private static final String FIRST_INSTANT = "first_instant";

  private EarliestLines() {}

  /**
   * One row per group of {@code lines}: {@code keys}, then {@code name}, the least {@code
   * candidate} (a struct ordered as rule 7 orders lines after the timestamp) among the group's
   * lines at its earliest order_timestamp.
   */
  public static Dataset<Row> of(Dataset<Row> lines, Column candidate, String name, String... keys) {
    Column timestamp = col(OrderLineColumns.ORDER_TIMESTAMP);
    Dataset<Row> firstInstants = lines.groupBy(Columns.named(keys)).agg(min(timestamp).as(FIRST_INSTANT));
    return lines
        .join(firstInstants, keys, "inner")
        .where(timestamp.equalTo(col(FIRST_INSTANT)))
        .groupBy(Columns.named(keys))
        .agg(min(candidate).as(name));
  }
}
