package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.EarliestLines;
import com.channelexpansion.config.Channel;
import com.channelexpansion.report.CustomersReport;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.warehouse.Customers;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One row per customer (customer_id UNIDENTIFIED is none) with what its channel states, its team
 * and its place in the pilots need, from its counted lines: sums per (customer, month) gathered
 * per customer, the acquisition line, and the distinct positive orders per window. Each is a hash
 * aggregation of sums, counts or a minimum timestamp: sets and structs in an aggregation over
 * every line made Spark sort them all.
 *
 * <p>Columns: customer_id, segment, first_order_date, acquisition_channel (from customers/),
 * acquisition_rep_id (credited rep of the line that decided the acquisition channel, rule 7's
 * order; null without a positive line), positive_orders_ttm and positive_orders_year_earlier
 * (distinct orders with a positive line in each summary window), and {@link #MONTHS}: an array
 * of per-month sums ({@link MonthSums}) for the months from {@code firstMonth} on.
 */
public final class CustomerHistory {
  public static final String CUSTOMER_ID = OrderLineColumns.CUSTOMER_ID;
  public static final String SEGMENT = CustomersReport.SEGMENT;
  public static final String FIRST_ORDER_DATE = CustomersReport.FIRST_ORDER_DATE;
  public static final String ACQUISITION_CHANNEL = CustomersReport.ACQUISITION_CHANNEL;
  public static final String ACQUISITION_REP_ID = "acquisition_rep_id";
  public static final String POSITIVE_ORDERS_TTM = "positive_orders_ttm";
  public static final String POSITIVE_ORDERS_YEAR_EARLIER = "positive_orders_year_earlier";
  public static final String MONTHS = "months";

  private static final String ACQUISITION = "acquisition";
  private static final String IN_TTM = "in_ttm";
  private static final String IN_YEAR_EARLIER = "in_year_earlier";

  private CustomerHistory() {}

  /**
   * @param creditedLines counted lines through as-of with credited_rep_id
   * @param customers customers/ rows (customer_id, segment, first_order_date, acquisition_channel)
   * @param firstMonth the earliest month whose sums are kept
   */
  public static Dataset<Row> of(
      Dataset<Row> creditedLines, Dataset<Row> customers, ReportWindows windows, YearMonth firstMonth) {
    Dataset<Row> identified = creditedLines.where(Customers.isIdentified(col(CUSTOMER_ID)));
    Column kept = col(OrderLineColumns.MONTH).geq(lit(firstMonth.toString()));
    Dataset<Row> perCustomer =
        monthSums(identified, windows.yearEarlierEnd())
            .groupBy(col(CUSTOMER_ID))
            .agg(collect_list(when(kept, struct(MonthSums.columns()))).as(MONTHS));
    Dataset<Row> positiveLines = identified.where(positive());
    return perCustomer
        .join(acquisitionReps(positiveLines), new String[] {CUSTOMER_ID}, "left")
        .join(positiveOrders(positiveLines, windows), new String[] {CUSTOMER_ID}, "left")
        .join(
            customers.select(
                col(CUSTOMER_ID), col(SEGMENT), col(FIRST_ORDER_DATE), col(ACQUISITION_CHANNEL)),
            CUSTOMER_ID)
        .select(
            col(CUSTOMER_ID),
            col(SEGMENT),
            col(FIRST_ORDER_DATE),
            col(ACQUISITION_CHANNEL),
            col(ACQUISITION_REP_ID),
            coalesce(col(POSITIVE_ORDERS_TTM), lit(0L)).as(POSITIVE_ORDERS_TTM),
            coalesce(col(POSITIVE_ORDERS_YEAR_EARLIER), lit(0L)).as(POSITIVE_ORDERS_YEAR_EARLIER),
            col(MONTHS));
  }

  /**
   * {@link MonthSums}' columns per (customer, month). Sums and counts only, so Spark aggregates
   * them in its hash map (a set or a struct in the same aggregation made it sort every line).
   */
  private static Dataset<Row> monthSums(Dataset<Row> lines, LocalDate yearEarlierEnd) {
    Column positive = positive();
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column amount = col(OrderLineColumns.AMOUNT);
    Column throughYearEarlierEnd = col(OrderLineColumns.ORDER_DATE).leq(lit(yearEarlierEnd));
    return lines
        .groupBy(col(CUSTOMER_ID), col(OrderLineColumns.MONTH))
        .agg(
            sumIf(positive, amount).as(MonthSums.POSITIVE_AMOUNT),
            sumIf(positive.and(online), amount).as(MonthSums.POSITIVE_ONLINE_AMOUNT),
            count(when(positive, lit(1))).as(MonthSums.POSITIVE_LINES),
            count(when(positive.and(online), lit(1))).as(MonthSums.POSITIVE_ONLINE_LINES),
            sumIf(lit(true), amount).as(MonthSums.NET_AMOUNT),
            sumIf(positive.and(throughYearEarlierEnd), amount).as(MonthSums.PART_POSITIVE_AMOUNT),
            sumIf(positive.and(online).and(throughYearEarlierEnd), amount)
                .as(MonthSums.PART_POSITIVE_ONLINE_AMOUNT),
            count(when(positive.and(throughYearEarlierEnd), lit(1))).as(MonthSums.PART_POSITIVE_LINES),
            count(when(positive.and(online).and(throughYearEarlierEnd), lit(1)))
                .as(MonthSums.PART_POSITIVE_ONLINE_LINES),
            sumIf(throughYearEarlierEnd, amount).as(MonthSums.PART_NET_AMOUNT));
  }

  /**
   * The credited rep of each customer's first positive line in rule 7's order: the earliest
   * timestamp first (a hash aggregation), then, among that instant's few lines, the lowest
   * (order_id, line_number).
   */
  private static Dataset<Row> acquisitionReps(Dataset<Row> positiveLines) {
    return EarliestLines.of(positiveLines, struct(acquisitionFields()), ACQUISITION, CUSTOMER_ID)
        .select(
            col(CUSTOMER_ID),
            col(ACQUISITION + "." + OrderLineColumns.CREDITED_REP_ID).as(ACQUISITION_REP_ID));
  }

  /**
   * Distinct orders with a positive line in each summary window, per customer: one row per
   * (customer, order) first, then counted (distinct counts without collecting sets).
   */
  private static Dataset<Row> positiveOrders(Dataset<Row> positiveLines, ReportWindows windows) {
    Column date = col(OrderLineColumns.ORDER_DATE);
    Column inTtm = date.between(lit(windows.ttmStart()), lit(windows.ttmEnd()));
    Column inYearEarlier = date.between(lit(windows.yearEarlierStart()), lit(windows.yearEarlierEnd()));
    return positiveLines
        .where(inTtm.or(inYearEarlier))
        .groupBy(col(CUSTOMER_ID), col(OrderLineColumns.ORDER_ID))
        .agg(max(inTtm).as(IN_TTM), max(inYearEarlier).as(IN_YEAR_EARLIER))
        .groupBy(col(CUSTOMER_ID))
        .agg(
            count(when(col(IN_TTM), lit(1))).as(POSITIVE_ORDERS_TTM),
            count(when(col(IN_YEAR_EARLIER), lit(1))).as(POSITIVE_ORDERS_YEAR_EARLIER));
  }

  /** A line of positive quantity: what channel states, acquisition and positive orders read. */
  private static Column positive() {
    return col(OrderLineColumns.QUANTITY).gt(lit(BigDecimal.ZERO));
  }

  /** Rule 7's order after the timestamp (order_id, line_number), then the line's credited rep. */
  private static Column[] acquisitionFields() {
    return new Column[] {
      col(OrderLineColumns.ORDER_ID),
      col(OrderLineColumns.LINE_NUMBER),
      col(OrderLineColumns.CREDITED_REP_ID)
    };
  }

  /** An exact sum of the amounts where {@code condition} holds, 0.00 when none. */
  private static Column sumIf(Column condition, Column amount) {
    return sum(when(condition, amount).otherwise(lit(BigDecimal.ZERO)))
        .cast(OrderLineColumns.SUM_TYPE);
  }
}
