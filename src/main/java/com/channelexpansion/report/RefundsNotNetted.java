package com.channelexpansion.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderRefundColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * The summary's {@code refunds_not_netted}: refunds an export holds only as an order total
 * (Shopify {@code Refunded Amount}, the warehouse's {@code order_refunds/}), summed per window by
 * the order's date over non-cancelled orders. They are shown beside net revenue, never
 * subtracted from it: they cannot be dated or put on lines, and a reader must not take gross for
 * net. One small Spark job over a table of one row per refunded order.
 */
public final class RefundsNotNetted {
  static final String METRIC = "refunds_not_netted";
  private static final String DEFINITION =
      "Refunds the order exports hold only as an order total (Shopify's Refunded Amount), by the"
          + " order's date, non-cancelled orders: not subtracted from net revenue, which counts"
          + " those orders at their original value.";

  private RefundsNotNetted() {}

  /** The metric for the two windows of {@code windows}. */
  public static SummaryMetric of(Dataset<Row> orderRefunds, ReportWindows windows) {
    Row sums =
        orderRefunds
            .where(not(col(OrderLineColumns.IS_CANCELLED)))
            .agg(
                inWindow(windows.ttmStart(), windows.ttmEnd()),
                inWindow(windows.yearEarlierStart(), windows.yearEarlierEnd()))
            .first();
    return ExecutiveSummary.money(METRIC, DEFINITION, sums.getDecimal(0), sums.getDecimal(1));
  }

  private static Column inWindow(LocalDate first, LocalDate last) {
    Column amount = col(OrderRefundColumns.REFUNDED_AMOUNT);
    Column inside = col(OrderLineColumns.ORDER_DATE).between(lit(first), lit(last));
    return coalesce(sum(when(inside, amount)), lit(BigDecimal.ZERO))
        .cast(DataTypes.createDecimalType(38, 2));
  }
}
