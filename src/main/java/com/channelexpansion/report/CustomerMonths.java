package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.config.Channel;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * What the per-customer outputs (customers/ and the executive summary's customer facts) are
 * summed from: one row of facts per (customer, month) with counted lines, so a report that
 * recomputes a few months keeps every other month's rows and never reads a customer's history.
 *
 * <p>Every fact adds up across months (sums, counts of distinct orders, the earliest positive
 * line, the latest order date) because an order is counted in the month of its lines. An order
 * whose lines fall in two or more months of one customer (rare: lines of one order on different
 * dates) would be counted once per month: the lines of such (customer, order) pairs are kept aside
 * ({@link #splitOrderLines}) and their facts computed from the lines themselves.
 */
public final class CustomerMonths {
  public static final String CUSTOMER_ID = OrderLineColumns.CUSTOMER_ID;
  public static final String MONTH = OrderLineColumns.MONTH;
  /**
   * The earliest counted line with quantity &gt; 0: struct of (order_timestamp, order_id,
   * line_number, order_date, channel), compared field by field (rule 7); null when none.
   */
  public static final String FIRST_LINE = CustomerClassifier.FIRST_LINE;
  /** Distinct orders of counted lines. */
  public static final String ORDERS = "orders";
  /** Distinct orders with an ONLINE line. */
  public static final String ONLINE_ORDERS = "online_orders";
  /** Distinct orders with a SALES_ASSISTED line. */
  public static final String ASSISTED_ORDERS = "assisted_orders";
  /** Distinct orders with a line of positive quantity. */
  public static final String POSITIVE_ORDERS = "positive_orders";
  public static final String NET_REVENUE = "net_revenue";
  public static final String ONLINE_REVENUE = "online_revenue";
  public static final String LAST_ORDER_DATE = "last_order_date";

  /** Column of {@link #perWindow}: the window a row is about, {@link #TTM} or {@link #YEAR_EARLIER}. */
  public static final String WINDOW = "window";
  public static final String TTM = "TTM";
  public static final String YEAR_EARLIER = "YEAR_EARLIER";

  /** Exact sums of money over many rows. */
  private static final DataType SUM_TYPE = OrderLineColumns.SUM_TYPE;

  private static final String FIRST_MONTH = "first_month";
  private static final String LAST_MONTH = "last_month";

  private CustomerMonths() {}

  /**
   * One row per (customer, month) of {@code counted} (counted lines, {@code
   * com.channelexpansion.classify.CountedLines#asOf}), leaving out the lines of {@code
   * splitOrderLines}' pairs.
   */
  public static Dataset<Row> of(Dataset<Row> counted, Dataset<Row> splitOrderLines) {
    Dataset<Row> wholeOrders =
        counted.join(
            splitOrderLines.select(col(CUSTOMER_ID), col(OrderLineColumns.ORDER_ID)).distinct(),
            new String[] {CUSTOMER_ID, OrderLineColumns.ORDER_ID},
            "left_anti");
    return facts(wholeOrders, col(CUSTOMER_ID), col(MONTH));
  }

  /** The counted lines of the (customer, order) pairs whose lines fall in more than one month. */
  public static Dataset<Row> splitOrderLines(Dataset<Row> counted) {
    // First the orders with lines in two months, hashed by order id with a numeric month (a
    // string min or max would make Spark sort every line); then, among their few lines, the
    // (customer, order) pairs.
    Dataset<Row> splitOrders =
        inMoreThanOneMonth(counted, col(OrderLineColumns.ORDER_ID)).select(col(OrderLineColumns.ORDER_ID));
    Dataset<Row> theirLines = counted.join(splitOrders, OrderLineColumns.ORDER_ID, "left_semi");
    Dataset<Row> pairs =
        inMoreThanOneMonth(theirLines, col(CUSTOMER_ID), col(OrderLineColumns.ORDER_ID))
            .select(col(CUSTOMER_ID), col(OrderLineColumns.ORDER_ID));
    return theirLines.join(pairs, new String[] {CUSTOMER_ID, OrderLineColumns.ORDER_ID}, "left_semi");
  }

  private static Dataset<Row> inMoreThanOneMonth(Dataset<Row> lines, Column... keys) {
    Column orderDate = col(OrderLineColumns.ORDER_DATE);
    Column monthNumber = year(orderDate).multiply(12).plus(month(orderDate));
    return lines
        .groupBy(keys)
        .agg(min(monthNumber).as(FIRST_MONTH), max(monthNumber).as(LAST_MONTH))
        .where(col(FIRST_MONTH).notEqual(col(LAST_MONTH)));
  }

  /** One row per customer: the facts of all its months and split orders together. */
  public static Dataset<Row> perCustomer(Dataset<Row> customerMonths, Dataset<Row> splitOrderLines) {
    return combine(
        customerMonths.drop(MONTH).unionByName(facts(splitOrderLines, col(CUSTOMER_ID))),
        col(CUSTOMER_ID));
  }

  /**
   * One row per (window, customer) with counted lines in the window: the months inside it, the
   * year-earlier window's last month counted through its last day (from {@code
   * yearEarlierLastMonth}, {@link CountedLines#monthThrough} its end), and the split orders'
   * lines inside it.
   */
  public static Dataset<Row> perWindow(
      Dataset<Row> yearEarlierLastMonth,
      Dataset<Row> customerMonths,
      Dataset<Row> splitOrderLines,
      ReportWindows windows) {
    Column month = col(MONTH);
    YearMonth yearEarlierLast = YearMonth.from(windows.yearEarlierEnd());
    Column orderDate = col(OrderLineColumns.ORDER_DATE);
    Dataset<Row> ttmMonths =
        customerMonths
            .where(month.between(monthOf(windows.ttmStart()), monthOf(windows.ttmEnd())))
            .withColumn(WINDOW, lit(TTM));
    Dataset<Row> yearEarlierMonths =
        customerMonths
            .where(month.geq(monthOf(windows.yearEarlierStart())).and(month.lt(lit(yearEarlierLast.toString()))))
            .unionByName(of(yearEarlierLastMonth, splitOrderLines))
            .withColumn(WINDOW, lit(YEAR_EARLIER));
    Column window =
        when(orderDate.between(lit(windows.ttmStart()), lit(windows.ttmEnd())), lit(TTM))
            .when(orderDate.between(lit(windows.yearEarlierStart()), lit(windows.yearEarlierEnd())), lit(YEAR_EARLIER));
    Dataset<Row> splitOrders =
        facts(
            splitOrderLines.withColumn(WINDOW, window).where(col(WINDOW).isNotNull()),
            col(WINDOW),
            col(CUSTOMER_ID));
    return combine(
        ttmMonths.unionByName(yearEarlierMonths).drop(MONTH).unionByName(splitOrders),
        col(WINDOW),
        col(CUSTOMER_ID));
  }

  /** The facts of {@code counted} lines per {@code keys}. */
  private static Dataset<Row> facts(Dataset<Row> counted, Column... keys) {
    Column orderId = col(OrderLineColumns.ORDER_ID);
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column positive = col(OrderLineColumns.QUANTITY).gt(lit(BigDecimal.ZERO));
    Column amount = col(OrderLineColumns.AMOUNT);
    // collect_set rather than a distinct aggregate: no row-replicating Expand in the plan.
    return counted
        .groupBy(keys)
        .agg(
            min(CustomerClassifier.firstLineCandidate()).as(FIRST_LINE),
            size(collect_set(orderId)).cast(DataTypes.LongType).as(ORDERS),
            size(collect_set(when(online, orderId))).cast(DataTypes.LongType).as(ONLINE_ORDERS),
            size(collect_set(when(not(online), orderId))).cast(DataTypes.LongType).as(ASSISTED_ORDERS),
            size(collect_set(when(positive, orderId))).cast(DataTypes.LongType).as(POSITIVE_ORDERS),
            sum(amount).cast(SUM_TYPE).as(NET_REVENUE),
            sum(when(online, amount).otherwise(lit(BigDecimal.ZERO))).cast(SUM_TYPE).as(ONLINE_REVENUE),
            max(col(OrderLineColumns.ORDER_DATE)).as(LAST_ORDER_DATE));
  }

  /** Adds up rows of {@link #facts} per {@code keys}: their orders never overlap. */
  private static Dataset<Row> combine(Dataset<Row> facts, Column... keys) {
    return facts
        .groupBy(keys)
        .agg(
            min(col(FIRST_LINE)).as(FIRST_LINE),
            sum(col(ORDERS)).as(ORDERS),
            sum(col(ONLINE_ORDERS)).as(ONLINE_ORDERS),
            sum(col(ASSISTED_ORDERS)).as(ASSISTED_ORDERS),
            sum(col(POSITIVE_ORDERS)).as(POSITIVE_ORDERS),
            sum(col(NET_REVENUE)).cast(SUM_TYPE).as(NET_REVENUE),
            sum(col(ONLINE_REVENUE)).cast(SUM_TYPE).as(ONLINE_REVENUE),
            max(col(LAST_ORDER_DATE)).as(LAST_ORDER_DATE));
  }

  private static Column monthOf(LocalDate date) {
    return lit(YearMonth.from(date).toString());
  }
}
