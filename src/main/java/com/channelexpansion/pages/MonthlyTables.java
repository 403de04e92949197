package com.channelexpansion.pages;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The two monthly tables of a page that no CSV holds, aggregated from the report's Parquet
 * tables (revenue_monthly/, customers/) for the 24 months ending with the as-of month. For a team
 * page, pass the same columns computed on the team's lines or customers.
 */
public final class MonthlyTables {
  /** Months a page's monthly charts cover, the as-of month last (PRODUCT.md). */
  public static final int MONTHS = 24;

  private MonthlyTables() {}

  /** The months from {@code asOfMonth} - 23 through {@code asOfMonth}, as yyyy-MM. */
  public static List<String> window(YearMonth asOfMonth) {
    List<String> months = new ArrayList<>(MONTHS);
    for (int back = MONTHS - 1; back >= 0; back--) {
      months.add(asOfMonth.minusMonths(back).toString());
    }
    return months;
  }

  /**
   * month, segment, order_channel, net_revenue: revenue_monthly summed over regions, sorted by
   * month, segment, channel. Money stays decimal (Spark sums DECIMAL exactly).
   */
  public static PageTable revenueBySegmentAndChannel(Dataset<Row> revenueMonthly, YearMonth asOfMonth) {
    List<String> months = window(asOfMonth);
    Dataset<Row> sums =
        revenueMonthly
            .filter(col("month").between(lit(months.get(0)), lit(months.get(MONTHS - 1))))
            .groupBy(col("month"), col("segment"), col("order_channel"))
            .agg(sum(col("net_revenue")).as("net_revenue"));
    return collect(sums, PageModel.REVENUE_MONTHLY_HEADER);
  }

  /**
   * month, acquisition_channel, customers: customers/ counted by the month of first_order_date
   * and acquisition channel (customers without one have never bought and are left out).
   */
  public static PageTable newCustomersByAcquisitionChannel(Dataset<Row> customers, YearMonth asOfMonth) {
    List<String> months = window(asOfMonth);
    Dataset<Row> counts =
        customers
            .filter(col("acquisition_channel").isNotNull())
            .withColumn("month", date_format(col("first_order_date"), "yyyy-MM"))
            .filter(col("month").between(lit(months.get(0)), lit(months.get(MONTHS - 1))))
            .groupBy(col("month"), col("acquisition_channel"))
            .agg(count(lit(1)).as("customers"));
    return collect(counts, PageModel.NEW_CUSTOMERS_HEADER);
  }

  /**
   * The table's rows, sorted by their text columns (month first) in code point order: a few
   * hundred rows, sorted here rather than by a Spark sort, which costs a job of its own.
   */
  private static PageTable collect(Dataset<Row> table, List<String> header) {
    List<Row> sorted = new ArrayList<>(table.collectAsList());
    sorted.sort(
        (a, b) -> {
          for (int i = 0; i < a.size() && a.get(i) instanceof String left; i++) {
            int c = left.compareTo(b.getString(i));
            if (c != 0) {
              return c;
            }
          }
          return 0;
        });
    List<List<Object>> rows = new ArrayList<>();
    for (Row row : sorted) {
      Object[] cells = new Object[header.size()];
      for (int i = 0; i < cells.length; i++) {
        Object value = row.get(i);
        cells[i] = value instanceof BigDecimal decimal ? decimal.setScale(2) : value;
      }
      rows.add(Arrays.asList(cells));
    }
    return PageTable.of(header, rows);
  }
}
