package com.channelexpansion.ingest;

import com.channelexpansion.ingest.validate.ValidatedLine;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.RejectColumns;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The staged form of every row a run read: the order_lines columns (except credited_rep_id, which
 * needs reference data) plus reject_reason, reject_detail and raw_record, all nullable, then the
 * two values an order's first line carries for its order. Accepted rows have no reason, detail or
 * raw text; rejected rows have only source, reason, detail and raw text. Batches stored before a
 * column existed read with it null (columns match by name).
 */
public final class ValidatedRows {
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_DETAIL = "reject_detail";
  /** On an order's first line: its refunds held as an order total, reporting currency. */
  public static final String ORDER_REFUNDED_AMOUNT = "order_refunded_amount";
  /** On an order's first line: the order-level discount spread over its lines (order currency). */
  public static final String ORDER_LEVEL_DISCOUNT = "order_level_discount";

  /** The columns of staged rows that are not order_lines columns (dropped before resolution). */
  public static final String[] NOT_IN_ORDER_LINES = {
    REJECT_REASON, REJECT_DETAIL, RejectColumns.RAW_RECORD, ORDER_REFUNDED_AMOUNT,
    ORDER_LEVEL_DISCOUNT
  };

  public static final StructType SCHEMA = build();

  private ValidatedRows() {}

  private static StructType build() {
    StructType schema =
        new StructType()
            .add(REJECT_REASON, DataTypes.StringType, true)
            .add(REJECT_DETAIL, DataTypes.StringType, true)
            .add(RejectColumns.RAW_RECORD, DataTypes.StringType, true);
    for (StructField field : OrderLineColumns.SCHEMA.fields()) {
      if (!OrderLineColumns.CREDIT_COLUMNS.contains(field.name())) {
        schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema
        .add(ORDER_REFUNDED_AMOUNT, OrderLineColumns.MONEY_TYPE, true)
        .add(ORDER_LEVEL_DISCOUNT, DataTypes.createDecimalType(38, 2), true);
  }

  /** The row for one validated line, in {@link #SCHEMA} order (java.time values: java8API on). */
  public static Row toRow(ValidatedLine line) {
    if (!line.accepted()) {
      Object[] values = new Object[SCHEMA.size()];
      values[0] = line.rejectReason().code();
      values[1] = line.rejectDetail();
      values[2] = line.rawRecord();
      values[3] = line.sourceFile();
      values[4] = line.sourceLine();
      return RowFactory.create(values);
    }
    return RowFactory.create(
        null,
        null,
        null,
        line.sourceFile(),
        line.sourceLine(),
        line.orderId(),
        line.lineNumber(),
        line.orderTimestamp(),
        line.orderDate(),
        line.month(),
        line.customerId(),
        line.orderSource(),
        line.channel().name(),
        line.channelRule().name(),
        line.salesRepId(),
        line.quoteId(),
        line.sku(),
        line.quantity(),
        line.unitPrice(),
        line.discountAmount(),
        line.currency(),
        line.fxRate(),
        line.amount(),
        line.orderStatus(),
        line.cancelled(),
        line.updatedAt(),
        line.orderRefundedAmount(),
        line.orderLevelDiscount());
  }
}
