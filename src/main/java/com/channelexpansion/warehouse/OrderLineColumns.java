package com.channelexpansion.warehouse;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse's {@code order_lines/} table: the winning version of every accepted order line,
 * normalized. This is the contract between ingest (which writes it) and the reports (which read
 * it); change it only together with both.
 */
public final class OrderLineColumns {
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";
  public static final String ORDER_ID = "order_id";
  public static final String LINE_NUMBER = "line_number";
  /** The instant of the order (Spark TIMESTAMP, written as TIMESTAMP_MICROS). */
  public static final String ORDER_TIMESTAMP = "order_timestamp";
  /** Local date of order_timestamp in the configured time_zone (rule 3). */
  public static final String ORDER_DATE = "order_date";
  /** yyyy-MM of order_date. */
  public static final String MONTH = "month";
  public static final String CUSTOMER_ID = "customer_id";
  /** Upper-cased order source code. */
  public static final String ORDER_SOURCE = "order_source";
  /** ONLINE or SALES_ASSISTED (rule 4). */
  public static final String CHANNEL = "channel";
  /** Which rule decided the channel: see {@link ChannelRule}. */
  public static final String CHANNEL_RULE = "channel_rule";
  public static final String SALES_REP_ID = "sales_rep_id";
  public static final String QUOTE_ID = "quote_id";
  public static final String SKU = "sku";
  public static final String QUANTITY = "quantity";
  public static final String UNIT_PRICE = "unit_price";
  public static final String DISCOUNT_AMOUNT = "discount_amount";
  /** Upper-cased ISO 4217 code. */
  public static final String CURRENCY = "currency";
  public static final String FX_RATE = "fx_rate";
  /** Line amount in the reporting currency, HALF_UP to cents (rule 5). */
  public static final String AMOUNT = "amount";
  /** Upper-cased status as exported, null when empty. */
  public static final String ORDER_STATUS = "order_status";
  /** True for CANCELLED / CANCELED: kept, but counted nowhere (rule 6). */
  public static final String IS_CANCELLED = "is_cancelled";
  public static final String UPDATED_AT = "updated_at";
  /** The rep credited with the line (rule 10): sales_rep_id, else owner, else HOUSE. */
  public static final String CREDITED_REP_ID = "credited_rep_id";
  /**
   * The rep id crediting did not know (rule 10: a warning, the line goes to HOUSE), else null.
   * Stored with the credit so the reports count the warnings without crediting again.
   */
  public static final String UNKNOWN_REP_ID = "unknown_rep_id";
  /** Where that id came from: {@link #ROLE_SALES_REP} or {@link #ROLE_OWNER}; null with it. */
  public static final String UNKNOWN_REP_ROLE = "unknown_rep_role";
  public static final String ROLE_SALES_REP = "sales_rep_id";
  public static final String ROLE_OWNER = "owner_rep_id";
  /** The columns crediting adds (rule 10): not part of a version, recomputed when credited. */
  public static final java.util.List<String> CREDIT_COLUMNS =
      java.util.List.of(CREDITED_REP_ID, UNKNOWN_REP_ID, UNKNOWN_REP_ROLE);

  public static final DataType QUANTITY_TYPE = DataTypes.createDecimalType(18, 6);
  public static final DataType MONEY_TYPE = DataTypes.createDecimalType(18, 2);
  /**
   * Money that is a sum or a commission (PRODUCT.md, Types): with every amount below 10^12, no
   * number of accepted lines can overflow it, so no row can make a report fail.
   */
  public static final DataType SUM_TYPE = DataTypes.createDecimalType(38, 2);
  public static final DataType FX_RATE_TYPE = DataTypes.createDecimalType(20, 10);
  public static final DataType RATE_TYPE = DataTypes.createDecimalType(9, 6);
  public static final DataType ATTAINMENT_TYPE = DataTypes.createDecimalType(18, 6);
  public static final DataType MULTIPLIER_TYPE = DataTypes.createDecimalType(9, 4);

  /** The written schema of order_lines/, in column order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(SOURCE_FILE, DataTypes.StringType, false)
          .add(SOURCE_LINE, DataTypes.LongType, false)
          .add(ORDER_ID, DataTypes.StringType, false)
          .add(LINE_NUMBER, DataTypes.LongType, false)
          .add(ORDER_TIMESTAMP, DataTypes.TimestampType, false)
          .add(ORDER_DATE, DataTypes.DateType, false)
          .add(MONTH, DataTypes.StringType, false)
          .add(CUSTOMER_ID, DataTypes.StringType, false)
          .add(ORDER_SOURCE, DataTypes.StringType, false)
          .add(CHANNEL, DataTypes.StringType, false)
          .add(CHANNEL_RULE, DataTypes.StringType, false)
          .add(SALES_REP_ID, DataTypes.StringType, true)
          .add(QUOTE_ID, DataTypes.StringType, true)
          .add(SKU, DataTypes.StringType, true)
          .add(QUANTITY, QUANTITY_TYPE, false)
          .add(UNIT_PRICE, QUANTITY_TYPE, false)
          .add(DISCOUNT_AMOUNT, QUANTITY_TYPE, false)
          .add(CURRENCY, DataTypes.StringType, false)
          .add(FX_RATE, FX_RATE_TYPE, false)
          .add(AMOUNT, MONEY_TYPE, false)
          .add(ORDER_STATUS, DataTypes.StringType, true)
          .add(IS_CANCELLED, DataTypes.BooleanType, false)
          .add(UPDATED_AT, DataTypes.TimestampType, true)
          .add(CREDITED_REP_ID, DataTypes.StringType, false)
          .add(UNKNOWN_REP_ID, DataTypes.StringType, true)
          .add(UNKNOWN_REP_ROLE, DataTypes.StringType, true);

  /** The rep id lines are credited to when no known rep owns them; earns no commission. */
  public static final String HOUSE = "HOUSE";

  private OrderLineColumns() {}
}
