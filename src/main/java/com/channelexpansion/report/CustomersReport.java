package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.warehouse.OrderLineColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code customers/} report: one row per customer with at least one counted line through
 * as-of, its account data, acquisition and totals.
 *
 * <p>orders counts distinct order_ids of all counted lines (returns too); net_revenue sums every
 * counted line, online_revenue its ONLINE lines (0.00 when none); last_order_date includes
 * returns. Region is UNKNOWN when accounts.csv lacks the customer or its region is empty.
 * customer_id UNIDENTIFIED (no known customer) has no row: {@code classified} never holds it.
 */
public final class CustomersReport {
  public static final String CUSTOMER_ID = OrderLineColumns.CUSTOMER_ID;
  public static final String REGION = ReferenceFrames.REGION;
  public static final String OWNER_REP_ID = ReferenceFrames.OWNER_REP_ID;
  public static final String FIRST_ORDER_DATE = CustomerClassifier.FIRST_ORDER_DATE;
  public static final String ACQUISITION_CHANNEL = CustomerClassifier.ACQUISITION_CHANNEL;
  public static final String SEGMENT = CustomerClassifier.SEGMENT;
  /** yyyy-MM of first_order_date; null when there is none. */
  public static final String COHORT_MONTH = "cohort_month";
  public static final String ORDERS = "orders";
  public static final String NET_REVENUE = "net_revenue";
  public static final String ONLINE_REVENUE = "online_revenue";
  public static final String LAST_ORDER_DATE = "last_order_date";

  private CustomersReport() {}

  /**
   * @param perCustomer {@link CustomerMonths#perCustomer}: each customer's summed facts
   * @param classified {@link CustomerClassifier#fromFirstLines} of the same customers
   * @param accounts {@link ReferenceFrames#accounts}
   */
  public static Dataset<Row> build(
      Dataset<Row> perCustomer, Dataset<Row> classified, Dataset<Row> accounts) {
    Dataset<Row> totals =
        perCustomer.select(
            col(CUSTOMER_ID),
            col(CustomerMonths.ORDERS).as(ORDERS),
            col(CustomerMonths.NET_REVENUE).as(NET_REVENUE),
            col(CustomerMonths.ONLINE_REVENUE).as(ONLINE_REVENUE),
            col(CustomerMonths.LAST_ORDER_DATE).as(LAST_ORDER_DATE));
    Dataset<Row> customerAccounts = ReferenceFrames.customerAccounts(classified, accounts);
    return totals
        .join(classified, CUSTOMER_ID, "inner")
        .join(customerAccounts, CUSTOMER_ID, "inner")
        .select(
            col(CUSTOMER_ID),
            col(REGION),
            col(OWNER_REP_ID),
            col(FIRST_ORDER_DATE),
            col(ACQUISITION_CHANNEL),
            col(SEGMENT),
            date_format(col(FIRST_ORDER_DATE), "yyyy-MM").as(COHORT_MONTH),
            col(ORDERS),
            col(NET_REVENUE).cast(OrderLineColumns.SUM_TYPE).as(NET_REVENUE),
            col(ONLINE_REVENUE).cast(OrderLineColumns.SUM_TYPE).as(ONLINE_REVENUE),
            col(LAST_ORDER_DATE));
  }
}
