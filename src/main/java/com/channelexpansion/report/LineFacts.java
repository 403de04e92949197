package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.classify.EarliestLines;
import com.channelexpansion.config.Channel;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link CustomerMonths}' facts of counted lines per group of keys, computed by hash
 * aggregations of sums, counts and minimum timestamps only: distinct orders are counted from one
 * row per (keys, order), and the first positive line is looked for among the lines at each
 * group's first instant. A set or a struct in an aggregation over every line made Spark's
 * aggregation fall back to sorting every line.
 */
final class LineFacts {
  private static final String HAS_ONLINE_LINE = "has_online_line";
  private static final String HAS_ASSISTED_LINE = "has_assisted_line";
  private static final String HAS_POSITIVE_LINE = "has_positive_line";
  private static final String[] FACTS = {
    CustomerMonths.FIRST_LINE, CustomerMonths.ORDERS, CustomerMonths.ONLINE_ORDERS,
    CustomerMonths.ASSISTED_ORDERS, CustomerMonths.POSITIVE_ORDERS, CustomerMonths.NET_REVENUE,
    CustomerMonths.ONLINE_REVENUE, CustomerMonths.LAST_ORDER_DATE
  };

  private LineFacts() {}

  /** One row per {@code keys} of {@code counted}: the keys, then {@link #FACTS} in that order. */
  static Dataset<Row> of(Dataset<Row> counted, String... keys) {
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column positive = col(OrderLineColumns.QUANTITY).gt(lit(BigDecimal.ZERO));
    Column amount = col(OrderLineColumns.AMOUNT);
    String[] orderKeys = Stream.concat(Arrays.stream(keys), Stream.of(OrderLineColumns.ORDER_ID)).toArray(String[]::new);
    Dataset<Row> perOrder =
        counted
            .groupBy(Columns.named(orderKeys))
            .agg(
                max(online).as(HAS_ONLINE_LINE),
                max(not(online)).as(HAS_ASSISTED_LINE),
                max(positive).as(HAS_POSITIVE_LINE),
                sum(amount).cast(OrderLineColumns.SUM_TYPE).as(CustomerMonths.NET_REVENUE),
                sum(when(online, amount).otherwise(lit(BigDecimal.ZERO)))
                    .cast(OrderLineColumns.SUM_TYPE).as(CustomerMonths.ONLINE_REVENUE),
                max(col(OrderLineColumns.ORDER_DATE)).as(CustomerMonths.LAST_ORDER_DATE));
    Dataset<Row> perGroup =
        perOrder
            .groupBy(Columns.named(keys))
            .agg(
                count(lit(1)).as(CustomerMonths.ORDERS),
                count(when(col(HAS_ONLINE_LINE), lit(1))).as(CustomerMonths.ONLINE_ORDERS),
                count(when(col(HAS_ASSISTED_LINE), lit(1))).as(CustomerMonths.ASSISTED_ORDERS),
                count(when(col(HAS_POSITIVE_LINE), lit(1))).as(CustomerMonths.POSITIVE_ORDERS),
                sum(col(CustomerMonths.NET_REVENUE)).cast(OrderLineColumns.SUM_TYPE).as(CustomerMonths.NET_REVENUE),
                sum(col(CustomerMonths.ONLINE_REVENUE))
                    .cast(OrderLineColumns.SUM_TYPE).as(CustomerMonths.ONLINE_REVENUE),
                max(col(CustomerMonths.LAST_ORDER_DATE)).as(CustomerMonths.LAST_ORDER_DATE));
    return perGroup
        .join(
            EarliestLines.of(
                counted.where(positive), CustomerClassifier.firstLineCandidate(), CustomerMonths.FIRST_LINE, keys),
            keys,
            "left")
        .select(Columns.named(Stream.concat(Arrays.stream(keys), Arrays.stream(FACTS)).toArray(String[]::new)));
  }
}
