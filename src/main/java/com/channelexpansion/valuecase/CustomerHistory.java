package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

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
import org.apache.spark.sql.types.DataTypes;

/**
 * One row per customer (customer_id UNIDENTIFIED is none) with what its channel states, its team
 * and its place in the pilots need, from two aggregations of its counted lines: per (customer,
 * month), then per customer.
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
  private static final String TTM_ORDERS = "ttm_orders";
  private static final String YEAR_EARLIER_ORDERS = "year_earlier_orders";

  private CustomerHistory() {}

  /**
   * @param creditedLines counted lines through as-of with credited_rep_id
   * @param customers customers/ rows (customer_id, segment, first_order_date, acquisition_channel)
   * @param firstMonth the earliest month whose sums are kept
   */
  public static Dataset<Row> of(
      Dataset<Row> creditedLines, Dataset<Row> customers, ReportWindows windows, YearMonth firstMonth) {
    LocalDate yearEarlierEnd = windows.yearEarlierEnd();
    Column date = col(OrderLineColumns.ORDER_DATE);
    Column positive = col(OrderLineColumns.QUANTITY).gt(lit(BigDecimal.ZERO));
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column amount = col(OrderLineColumns.AMOUNT);
    Column orderId = col(OrderLineColumns.ORDER_ID);
    Column throughYearEarlierEnd = date.leq(lit(yearEarlierEnd));
    Column inTtm = date.between(lit(windows.ttmStart()), lit(windows.ttmEnd()));
    Column inYearEarlier = date.between(lit(windows.yearEarlierStart()), lit(yearEarlierEnd));
    Dataset<Row> perMonth =
        creditedLines
            .where(Customers.isIdentified(col(CUSTOMER_ID)))
            .groupBy(col(CUSTOMER_ID), col(OrderLineColumns.MONTH))
            .agg(
                min(when(positive, struct(acquisitionFields()))).as(ACQUISITION),
                collect_set(when(positive.and(inTtm), orderId)).as(TTM_ORDERS),
                collect_set(when(positive.and(inYearEarlier), orderId)).as(YEAR_EARLIER_ORDERS),
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
    Column kept = col(OrderLineColumns.MONTH).geq(lit(firstMonth.toString()));
    Dataset<Row> perCustomer =
        perMonth
            .groupBy(col(CUSTOMER_ID))
            .agg(
                min(col(ACQUISITION)).as(ACQUISITION),
                size(array_distinct(flatten(collect_list(col(TTM_ORDERS)))))
                    .cast(DataTypes.LongType).as(POSITIVE_ORDERS_TTM),
                size(array_distinct(flatten(collect_list(col(YEAR_EARLIER_ORDERS)))))
                    .cast(DataTypes.LongType).as(POSITIVE_ORDERS_YEAR_EARLIER),
                collect_list(when(kept, struct(MonthSums.columns()))).as(MONTHS));
    return perCustomer
        .join(
            customers.select(
                col(CUSTOMER_ID), col(SEGMENT), col(FIRST_ORDER_DATE), col(ACQUISITION_CHANNEL)),
            CUSTOMER_ID)
        .select(
            col(CUSTOMER_ID),
            col(SEGMENT),
            col(FIRST_ORDER_DATE),
            col(ACQUISITION_CHANNEL),
            col(ACQUISITION + "." + OrderLineColumns.CREDITED_REP_ID).as(ACQUISITION_REP_ID),
            col(POSITIVE_ORDERS_TTM),
            col(POSITIVE_ORDERS_YEAR_EARLIER),
            col(MONTHS));
  }

  /** Rule 7's order (timestamp, order_id, line_number), then the line's credited rep. */
  private static Column[] acquisitionFields() {
    return new Column[] {
      col(OrderLineColumns.ORDER_TIMESTAMP),
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
