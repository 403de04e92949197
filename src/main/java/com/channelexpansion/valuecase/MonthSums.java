package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.warehouse.OrderLineColumns;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * One customer's counted lines of one month, summed ({@link CustomerHistory#MONTHS}): its
 * positive lines (what channel states read), all its lines (revenue, returns included), and the
 * same through the year-earlier window's end ("part"), which differs only in that window's last
 * month.
 */
public record MonthSums(
    YearMonth month,
    WindowSums positive,
    BigDecimal netAmount,
    WindowSums partPositive,
    BigDecimal partNetAmount)
    implements Serializable {
  static final String POSITIVE_AMOUNT = "positive_amount";
  static final String POSITIVE_ONLINE_AMOUNT = "positive_online_amount";
  static final String POSITIVE_LINES = "positive_lines";
  static final String POSITIVE_ONLINE_LINES = "positive_online_lines";
  static final String NET_AMOUNT = "net_amount";
  static final String PART_POSITIVE_AMOUNT = "part_positive_amount";
  static final String PART_POSITIVE_ONLINE_AMOUNT = "part_positive_online_amount";
  static final String PART_POSITIVE_LINES = "part_positive_lines";
  static final String PART_POSITIVE_ONLINE_LINES = "part_positive_online_lines";
  static final String PART_NET_AMOUNT = "part_net_amount";

  /** The struct's fields, in order. */
  static Column[] columns() {
    return new Column[] {
      col(OrderLineColumns.MONTH),
      col(POSITIVE_AMOUNT),
      col(POSITIVE_ONLINE_AMOUNT),
      col(POSITIVE_LINES),
      col(POSITIVE_ONLINE_LINES),
      col(NET_AMOUNT),
      col(PART_POSITIVE_AMOUNT),
      col(PART_POSITIVE_ONLINE_AMOUNT),
      col(PART_POSITIVE_LINES),
      col(PART_POSITIVE_ONLINE_LINES),
      col(PART_NET_AMOUNT)
    };
  }

  /** Reads one element of the struct array {@link #columns} builds. */
  static MonthSums of(Row struct) {
    return new MonthSums(
        YearMonth.parse(struct.getString(0)),
        new WindowSums(struct.getDecimal(1), struct.getDecimal(2), struct.getLong(3), struct.getLong(4)),
        struct.getDecimal(5),
        new WindowSums(struct.getDecimal(6), struct.getDecimal(7), struct.getLong(8), struct.getLong(9)),
        struct.getDecimal(10));
  }
}
