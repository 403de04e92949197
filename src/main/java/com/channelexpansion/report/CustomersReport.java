package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.config.Channel;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code customers/} report: one row per customer with at least one counted line through
 * as-of, its account data, acquisition and totals.
 *
 * <p>orders counts distinct order_ids of all counted lines (returns too); net_revenue sums every
 * counted line, online_revenue its ONLINE lines (0.00 when none); last_order_date includes
 * returns. Region is UNKNOWN when accounts.csv lacks the customer or its region is empty.
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
   * @param counted counted lines ({@link com.channelexpansion.classify.CountedLines#asOf})
   * @param classified {@link CustomerClassifier#classify} of the same lines
   * @param accounts {@link ReferenceFrames#accounts}
   */
  public static Dataset<Row> build(
      Dataset<Row> counted, Dataset<Row> classified, Dataset<Row> accounts) {
    Dataset<Row> totals =
        counted
            .groupBy(col(OrderLineColumns.CUSTOMER_ID))
            .agg(
                countDistinct(col(OrderLineColumns.ORDER_ID)).as(ORDERS),
                sum(col(OrderLineColumns.AMOUNT)).as(NET_REVENUE),
                sum(
                        when(
                                col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name())),
                                col(OrderLineColumns.AMOUNT))
                            .otherwise(lit(BigDecimal.ZERO)))
                    .as(ONLINE_REVENUE),
                max(col(OrderLineColumns.ORDER_DATE)).as(LAST_ORDER_DATE));
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
            col(NET_REVENUE).cast(OrderLineColumns.MONEY_TYPE).as(NET_REVENUE),
            col(ONLINE_REVENUE).cast(OrderLineColumns.MONEY_TYPE).as(ONLINE_REVENUE),
            col(LAST_ORDER_DATE));
  }
}
