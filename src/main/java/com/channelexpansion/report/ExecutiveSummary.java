package com.channelexpansion.report;

import static com.channelexpansion.report.SummaryTotals.ASSISTED_AMOUNT;
import static com.channelexpansion.report.SummaryTotals.ASSISTED_ORDERS;
import static com.channelexpansion.report.SummaryTotals.ONLINE_AMOUNT;
import static com.channelexpansion.report.SummaryTotals.ONLINE_ORDERS;
import static com.channelexpansion.report.SummaryTotals.POSITIVE_ORDERS;
import static com.channelexpansion.report.SummaryTotals.WON_IN_WINDOW;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows of executive_summary.csv except the per-plan commission metrics, for TTM and the
 * year-earlier window ({@link ReportWindows}).
 *
 * <p>Each window is computed from its own lines only; segments are those as of the as-of date in
 * both windows (the {@code classified} frame). Money is rounded HALF_UP to 2 decimals, ratios to
 * 4, counts are integers; change = ttm / year_earlier - 1 from unrounded values, to 4 decimals;
 * a zero denominator makes the value empty (null).
 *
 * <p>Lines of no known customer (customer_id UNIDENTIFIED) count in net revenue, online share and
 * the average order values, in no segment metric and no customer count; unidentified_revenue
 * shows their amount.
 *
 * <p>Cost: one Spark action over the per-(window, customer) sums of {@link CustomerMonths}; only
 * two small rows reach the driver. An order_id is assumed to belong to one customer (orders are
 * counted per customer, then summed).
 */
public final class ExecutiveSummary {
  /** Metric ids, in the order of the CSV. */
  public static final String NET_REVENUE = "net_revenue";
  public static final String ONLINE_REVENUE_SHARE = "online_revenue_share";
  public static final String NEW_ONLINE_CUSTOMERS = "new_online_customers";
  public static final String NEW_ONLINE_REVENUE = "new_online_revenue";
  public static final String NEW_SALES_ASSISTED_CUSTOMERS = "new_sales_assisted_customers";
  public static final String CHANNEL_SHIFT_REVENUE = "channel_shift_revenue";
  public static final String CHANNEL_SHIFT_SHARE = "channel_shift_share";
  public static final String CORE_SALES_REVENUE = "core_sales_revenue";
  public static final String AVG_ORDER_VALUE_ONLINE = "avg_order_value_online";
  public static final String AVG_ORDER_VALUE_SALES_ASSISTED = "avg_order_value_sales_assisted";
  public static final String NEW_ONLINE_REPEAT_RATE = "new_online_repeat_rate";
  /** Listed after the per-plan commission metrics ({@link #inCsvOrder}). */
  public static final String UNIDENTIFIED_REVENUE = "unidentified_revenue";

  /** The metrics of this class that PRODUCT.md lists after the per-plan commission metrics. */
  private static final List<String> AFTER_COMMISSION = List.of(UNIDENTIFIED_REVENUE);

  private static final String TTM = CustomerMonths.TTM;
  private static final String YEAR_EARLIER = CustomerMonths.YEAR_EARLIER;
  /** Columns of {@link #customerFacts} that identify a row. */
  public static final String WINDOW = CustomerMonths.WINDOW;
  private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

  private ExecutiveSummary() {}

  /** How a metric's value is rounded. */
  private enum Kind {
    MONEY(2),
    RATIO(4),
    COUNT(0);

    final int scale;

    Kind(int scale) {
      this.scale = scale;
    }
  }

  /** The sums of one window, everything the metrics need ({@link SummaryTotals}). */
  public record WindowTotals(
      BigDecimal onlineAmount,
      BigDecimal assistedAmount,
      BigDecimal existingOnline,
      BigDecimal existingAssisted,
      BigDecimal newOnlineAmount,
      BigDecimal onlineOrders,
      BigDecimal assistedOrders,
      BigDecimal newOnlineCustomers,
      BigDecimal newOnlineRepeaters,
      BigDecimal newAssistedCustomers,
      BigDecimal unidentifiedAmount) {
    public static final WindowTotals EMPTY =
        new WindowTotals(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    public BigDecimal netRevenue() {
      return onlineAmount.add(assistedAmount);
    }
  }

  /**
   * The metrics from {@link #customerFacts} (of every customer, or equal to them), in the CSV's
   * order once the commission metrics are placed ({@link #inCsvOrder}).
   */
  public static List<SummaryMetric> fromCustomerFacts(Dataset<Row> customerFacts) {
    Map<String, WindowTotals> totals = SummaryTotals.byWindow(customerFacts);
    return metrics(
        totals.getOrDefault(TTM, WindowTotals.EMPTY),
        totals.getOrDefault(YEAR_EARLIER, WindowTotals.EMPTY));
  }

  /**
   * Each customer's part of the summary: one row per (window, customer) with lines in the window,
   * its sums beside its segment and whether it was won in the window.
   *
   * @param perWindow {@link CustomerMonths#perWindow}
   * @param classified the customers' classification as of the as-of date (both windows use it);
   *     UNIDENTIFIED lines take segment UNIDENTIFIED ({@link CustomerClassifier#withUnidentified})
   */
  public static Dataset<Row> customerFacts(
      Dataset<Row> perWindow, Dataset<Row> classified, ReportWindows windows) {
    Column firstOrderDate = col(CustomerClassifier.FIRST_ORDER_DATE);
    // The customer was won in this window: its first order falls inside it.
    Column wonInWindow =
        when(
                col(WINDOW).equalTo(lit(TTM)),
                firstOrderDate.between(lit(windows.ttmStart()), lit(windows.ttmEnd())))
            .otherwise(
                firstOrderDate.between(
                    lit(windows.yearEarlierStart()), lit(windows.yearEarlierEnd())));
    Column segment = col(CustomerClassifier.SEGMENT);
    return perWindow
        .join(
            CustomerClassifier.withUnidentified(
                classified.select(col(CustomerClassifier.CUSTOMER_ID), segment, firstOrderDate)),
            OrderLineColumns.CUSTOMER_ID,
            "inner")
        .select(
            col(WINDOW),
            col(OrderLineColumns.CUSTOMER_ID),
            segment,
            firstOrderDate,
            wonInWindow.as(WON_IN_WINDOW),
            col(CustomerMonths.ONLINE_REVENUE).as(ONLINE_AMOUNT),
            col(CustomerMonths.NET_REVENUE).minus(col(CustomerMonths.ONLINE_REVENUE)).as(ASSISTED_AMOUNT),
            col(CustomerMonths.ONLINE_ORDERS).as(ONLINE_ORDERS),
            col(CustomerMonths.ASSISTED_ORDERS).as(ASSISTED_ORDERS),
            col(CustomerMonths.POSITIVE_ORDERS).as(POSITIVE_ORDERS));
  }

  /**
   * The metric rows from the two windows' sums, in the CSV's order with unidentified_revenue last
   * (before {@link #inCsvOrder} places the commission metrics); pure Java, so the arithmetic is
   * testable alone. Also what team_summary computes per team.
   */
  public static List<SummaryMetric> metrics(WindowTotals ttm, WindowTotals yearEarlier) {
    List<SummaryMetric> out = new ArrayList<>();
    out.add(
        metric(
            NET_REVENUE,
            "Revenue from all orders placed in the period, after discounts and net of returns,"
                + " cancelled orders excluded, in the reporting currency.",
            Kind.MONEY,
            ttm.netRevenue(),
            yearEarlier.netRevenue()));
    out.add(
        metric(
            ONLINE_REVENUE_SHARE,
            "Share of net revenue that came through online channels (see channel_definitions.csv).",
            Kind.RATIO,
            ratio(ttm.onlineAmount(), ttm.netRevenue()),
            ratio(yearEarlier.onlineAmount(), yearEarlier.netRevenue())));
    out.add(
        metric(
            NEW_ONLINE_CUSTOMERS,
            "Customers won in the period whose very first order was placed online, on or after"
                + " the digital program start.",
            Kind.COUNT,
            ttm.newOnlineCustomers(),
            yearEarlier.newOnlineCustomers()));
    out.add(
        metric(
            NEW_ONLINE_REVENUE,
            "Revenue in the period from customers won online since the program start, through"
                + " any channel (channel expansion).",
            Kind.MONEY,
            ttm.newOnlineAmount(),
            yearEarlier.newOnlineAmount()));
    out.add(
        metric(
            NEW_SALES_ASSISTED_CUSTOMERS,
            "Customers won in the period whose very first order was placed through a sales rep,"
                + " on or after the digital program start.",
            Kind.COUNT,
            ttm.newAssistedCustomers(),
            yearEarlier.newAssistedCustomers()));
    out.add(
        metric(
            CHANNEL_SHIFT_REVENUE,
            "Online revenue in the period from existing customers (buying before the program"
                + " start): sales' own accounts moving online.",
            Kind.MONEY,
            ttm.existingOnline(),
            yearEarlier.existingOnline()));
    out.add(
        metric(
            CHANNEL_SHIFT_SHARE,
            "Share of existing customers' revenue in the period that they placed online.",
            Kind.RATIO,
            ratio(ttm.existingOnline(), ttm.existingOnline().add(ttm.existingAssisted())),
            ratio(
                yearEarlier.existingOnline(),
                yearEarlier.existingOnline().add(yearEarlier.existingAssisted()))));
    out.add(
        metric(
            CORE_SALES_REVENUE,
            "Revenue in the period from existing customers' orders placed through sales reps.",
            Kind.MONEY,
            ttm.existingAssisted(),
            yearEarlier.existingAssisted()));
    out.add(
        metric(
            AVG_ORDER_VALUE_ONLINE,
            "Online revenue in the period divided by the number of orders placed online.",
            Kind.MONEY,
            ratio(ttm.onlineAmount(), ttm.onlineOrders()),
            ratio(yearEarlier.onlineAmount(), yearEarlier.onlineOrders())));
    out.add(
        metric(
            AVG_ORDER_VALUE_SALES_ASSISTED,
            "Sales-assisted revenue in the period divided by the number of orders placed through"
                + " sales reps.",
            Kind.MONEY,
            ratio(ttm.assistedAmount(), ttm.assistedOrders()),
            ratio(yearEarlier.assistedAmount(), yearEarlier.assistedOrders())));
    out.add(
        metric(
            NEW_ONLINE_REPEAT_RATE,
            "Share of the period's new online customers who had placed at least two orders"
                + " (returns aside) by the end of the period.",
            Kind.RATIO,
            ratio(ttm.newOnlineRepeaters(), ttm.newOnlineCustomers()),
            ratio(yearEarlier.newOnlineRepeaters(), yearEarlier.newOnlineCustomers())));
    out.add(
        metric(
            UNIDENTIFIED_REVENUE,
            "Revenue in the period from orders with no known customer (customer id UNIDENTIFIED,"
                + " such as walk-in or staff-keyed orders): part of net revenue, online share and"
                + " order values, but of no customer count or segment figure.",
            Kind.MONEY,
            ttm.unidentifiedAmount(),
            yearEarlier.unidentifiedAmount()));
    return out;
  }

  /**
   * The rows of executive_summary.csv in PRODUCT.md's order: {@code metrics} ({@link
   * #fromCustomerFacts}) with the per-plan commission metrics placed before those listed after
   * them, then {@code closing} (metrics from other sources, e.g. refunds_not_netted) last.
   */
  public static List<SummaryMetric> inCsvOrder(
      List<SummaryMetric> metrics, List<SummaryMetric> commissionMetrics, SummaryMetric... closing) {
    List<SummaryMetric> out = new ArrayList<>();
    metrics.stream().filter(m -> !AFTER_COMMISSION.contains(m.metric())).forEach(out::add);
    out.addAll(commissionMetrics);
    metrics.stream().filter(m -> AFTER_COMMISSION.contains(m.metric())).forEach(out::add);
    out.addAll(List.of(closing));
    return out;
  }

  /** numerator / denominator, unrounded; null when the denominator is 0. */
  static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() == 0) {
      return null;
    }
    return numerator.divide(denominator, EXACT_ENOUGH);
  }

  /** A money metric rounded like the summary's, with its change. */
  static SummaryMetric money(String id, String definition, BigDecimal ttm, BigDecimal yearEarlier) {
    return metric(id, definition, Kind.MONEY, ttm, yearEarlier);
  }

  private static SummaryMetric metric(
      String id, String definition, Kind kind, BigDecimal ttm, BigDecimal yearEarlier) {
    BigDecimal ratioOfWindows = ratio(ttm, yearEarlier);
    BigDecimal change =
        ratioOfWindows == null
            ? null
            : ratioOfWindows.subtract(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
    return new SummaryMetric(id, definition, round(ttm, kind), round(yearEarlier, kind), change);
  }

  private static BigDecimal round(BigDecimal value, Kind kind) {
    return value == null ? null : value.setScale(kind.scale, RoundingMode.HALF_UP);
  }
}
