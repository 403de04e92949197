package com.channelexpansion.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.warehouse.Customers;
import com.channelexpansion.warehouse.OrderLineColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code revenue_monthly/} report: the channel-expansion matrix (rule 9) by month and region,
 * one row per (month, region, segment, order_channel) with counted lines.
 *
 * <p>region comes from the customer (UNKNOWN when missing); an order with lines in two channels
 * counts once in each channel's row. Plan: lines are first summed per (month, region, segment,
 * channel, customer, order), so the final aggregation needs a single distinct count (customers)
 * and counts orders as rows; two countDistinct in one aggregation would make Spark replicate
 * every line (Expand). This counts an order once per buyer: an order_id has one customer.
 *
 * <p>Lines of no known customer (customer_id {@link Customers#UNIDENTIFIED}) have their own rows:
 * segment UNIDENTIFIED, region UNKNOWN (they have no account) and customers 0 (they are nobody),
 * with their orders, lines and revenue counted like any.
 */
public final class RevenueMonthlyReport {
  public static final String MONTH = OrderLineColumns.MONTH;
  public static final String REGION = ReferenceFrames.REGION;
  public static final String SEGMENT = CustomerClassifier.SEGMENT;
  public static final String ORDER_CHANNEL = "order_channel";
  public static final String CUSTOMERS = "customers";
  public static final String ORDERS = "orders";
  public static final String LINES = "lines";
  public static final String NET_REVENUE = "net_revenue";

  private RevenueMonthlyReport() {}

  /**
   * @param counted counted lines ({@link com.channelexpansion.classify.CountedLines#asOf})
   * @param classified {@link CustomerClassifier#fromFirstLines} of the same lines (customers only)
   * @param accounts {@link ReferenceFrames#accounts}
   */
  public static Dataset<Row> build(
      Dataset<Row> counted, Dataset<Row> classified, Dataset<Row> accounts) {
    Dataset<Row> customers =
        CustomerClassifier.withUnidentified(
                classified.select(col(CustomerClassifier.CUSTOMER_ID), col(SEGMENT)))
            .join(
                ReferenceFrames.customerAccounts(classified, accounts)
                    .select(col(ReferenceFrames.CUSTOMER_ID), col(REGION)),
                OrderLineColumns.CUSTOMER_ID,
                "left")
            .select(
                col(OrderLineColumns.CUSTOMER_ID),
                col(SEGMENT),
                coalesce(col(REGION), lit(ReferenceFrames.UNKNOWN_REGION)).as(REGION));
    Column customerId = col(OrderLineColumns.CUSTOMER_ID);
    Dataset<Row> perOrder =
        counted
            .join(customers, OrderLineColumns.CUSTOMER_ID, "inner")
            .groupBy(
                col(MONTH),
                col(REGION),
                col(SEGMENT),
                col(OrderLineColumns.CHANNEL).as(ORDER_CHANNEL),
                col(OrderLineColumns.CUSTOMER_ID),
                col(OrderLineColumns.ORDER_ID))
            .agg(count(lit(1)).as(LINES), sum(col(OrderLineColumns.AMOUNT)).as(NET_REVENUE));
    return perOrder
        .groupBy(col(MONTH), col(REGION), col(SEGMENT), col(ORDER_CHANNEL))
        .agg(
            countDistinct(when(Customers.isIdentified(customerId), customerId)).as(CUSTOMERS),
            count(lit(1)).as(ORDERS),
            sum(col(LINES)).as(LINES),
            sum(col(NET_REVENUE)).as(NET_REVENUE))
        .select(
            col(MONTH),
            col(REGION),
            col(SEGMENT),
            col(ORDER_CHANNEL),
            col(CUSTOMERS),
            col(ORDERS),
            col(LINES),
            col(NET_REVENUE).cast(OrderLineColumns.SUM_TYPE).as(NET_REVENUE));
  }
}
