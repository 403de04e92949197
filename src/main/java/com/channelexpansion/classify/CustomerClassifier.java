package com.channelexpansion.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.Segment;
import com.channelexpansion.warehouse.Customers;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * First orders, acquisition channels and segments of customers (PRODUCT.md rules 7 and 8).
 *
 * <p>A customer's first order is its earliest counted line with quantity &gt; 0, ordered by
 * (order_timestamp, order_id compared as text, line_number compared as a number). The order is
 * total because (order_id, line_number) is unique among counted lines, so the result never
 * depends on partitioning (unlike {@code dropDuplicates}). The acquisition channel is that
 * line's own channel, i.e. after a quote closed online was already made SALES_ASSISTED.
 *
 * <p>Segment: EXISTING when there is no positive line (the customer bought before the data
 * began) or first_order_date &lt; program_start; otherwise NEW_ONLINE or NEW_SALES_ASSISTED by
 * acquisition channel.
 *
 * <p>Lines of customer_id {@link Customers#UNIDENTIFIED} are nobody's: they make no customer here
 * (no first order, so they can neither make anyone new nor be counted as a customer), and {@link
 * #withUnidentified} gives them segment UNIDENTIFIED where lines are joined with segments.
 */
public final class CustomerClassifier {
  public static final String CUSTOMER_ID = OrderLineColumns.CUSTOMER_ID;
  /** DATE: order_date of the first order line; null when the customer has no positive line. */
  public static final String FIRST_ORDER_DATE = "first_order_date";
  /** ONLINE / SALES_ASSISTED: channel of the first order line; null when there is none. */
  public static final String ACQUISITION_CHANNEL = "acquisition_channel";
  /** EXISTING / NEW_ONLINE / NEW_SALES_ASSISTED; UNIDENTIFIED only in {@link #withUnidentified}. */
  public static final String SEGMENT = "segment";

  /**
   * The customer's earliest positive line: struct of (order_timestamp, order_id, line_number,
   * order_date, channel), so that min compares it by (timestamp, order_id as text, line_number as
   * a number).
   */
  public static final String FIRST_LINE = "first_line";

  private CustomerClassifier() {}

  /**
   * A line's {@link #FIRST_LINE} candidate: null unless its quantity is positive (min ignores
   * nulls).
   */
  public static Column firstLineCandidate() {
    return when(
        col(OrderLineColumns.QUANTITY).gt(lit(BigDecimal.ZERO)),
        struct(
            col(OrderLineColumns.ORDER_TIMESTAMP),
            col(OrderLineColumns.ORDER_ID),
            col(OrderLineColumns.LINE_NUMBER),
            col(OrderLineColumns.ORDER_DATE),
            col(OrderLineColumns.CHANNEL)));
  }

  /**
   * The classification of customers from their {@link #FIRST_LINE} (one row per customer, with
   * customer_id): customer_id, first_order_date, acquisition_channel, segment. A row of
   * customer_id UNIDENTIFIED is left out: it is no customer.
   */
  public static Dataset<Row> fromFirstLines(Dataset<Row> firstLines, LocalDate programStart) {
    if (programStart == null) {
      throw new IllegalArgumentException("Cannot classify customers: program_start is null");
    }
    Column firstOrderDate = col(FIRST_LINE + "." + OrderLineColumns.ORDER_DATE);
    Column acquisitionChannel = col(FIRST_LINE + "." + OrderLineColumns.CHANNEL);
    Column segment =
        when(
                firstOrderDate.isNull().or(firstOrderDate.lt(lit(programStart))),
                lit(Segment.EXISTING.name()))
            .when(acquisitionChannel.equalTo(lit(Channel.ONLINE.name())), lit(Segment.NEW_ONLINE.name()))
            .otherwise(lit(Segment.NEW_SALES_ASSISTED.name()));
    return firstLines
        .where(Customers.isIdentified(col(OrderLineColumns.CUSTOMER_ID)))
        .select(
            col(OrderLineColumns.CUSTOMER_ID).as(CUSTOMER_ID),
            firstOrderDate.as(FIRST_ORDER_DATE),
            acquisitionChannel.as(ACQUISITION_CHANNEL),
            segment.as(SEGMENT));
  }

  /**
   * {@code classified} (customers' rows of {@link #fromFirstLines}, at least customer_id and
   * segment) plus one row for customer_id UNIDENTIFIED with segment UNIDENTIFIED and the other
   * columns null: what lines are joined with to find their segment, so that UNIDENTIFIED lines
   * stay in revenue, orders and commissions while no customer count sees them.
   */
  public static Dataset<Row> withUnidentified(Dataset<Row> classified) {
    StructType schema = new StructType();
    List<Object> values = new ArrayList<>();
    for (StructField field : classified.schema().fields()) {
      schema = schema.add(field.name(), field.dataType(), true);
      values.add(
          switch (field.name()) {
            case CUSTOMER_ID -> Customers.UNIDENTIFIED;
            case SEGMENT -> Segment.UNIDENTIFIED.name();
            default -> null;
          });
    }
    Row unidentified = RowFactory.create(values.toArray());
    return classified.unionByName(classified.sparkSession().createDataFrame(List.of(unidentified), schema));
  }
}
