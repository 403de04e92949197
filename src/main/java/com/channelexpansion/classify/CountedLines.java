package com.channelexpansion.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lines every report counts (PRODUCT.md rule 6 and "Time and windows"): the deduplicated
 * warehouse lines that are not cancelled and whose order_date is on or before the as-of date.
 * Customers' first orders and segments are computed from these lines only, so data after the
 * as-of date never changes a report.
 */
public final class CountedLines {
  private CountedLines() {}

  /**
   * Keeps the lines of {@code orderLines} (schema {@link OrderLineColumns#SCHEMA}) that count on
   * {@code asOf}: not cancelled and {@code order_date <= asOf}. Columns are unchanged.
   */
  public static Dataset<Row> asOf(Dataset<Row> orderLines, LocalDate asOf) {
    if (asOf == null) {
      throw new IllegalArgumentException("Cannot select counted lines: as-of date is null");
    }
    return orderLines.filter(
        not(col(OrderLineColumns.IS_CANCELLED))
            .and(col(OrderLineColumns.ORDER_DATE).leq(lit(asOf))));
  }

  /**
   * The lines of {@code counted} in {@code day}'s month through {@code day}: a window's last
   * month, counted through the window's end.
   */
  public static Dataset<Row> monthThrough(Dataset<Row> counted, LocalDate day) {
    return counted.where(
        col(OrderLineColumns.MONTH)
            .equalTo(lit(YearMonth.from(day).toString()))
            .and(col(OrderLineColumns.ORDER_DATE).leq(lit(day))));
  }
}
