package com.channelexpansion.samples;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One good export line as the simulation produced it, before any layout is applied.
 *
 * @param orderTime local time in the business zone
 * @param style how the source system writes order_timestamp (and updated_at)
 * @param discount null = column left empty
 * @param status null = column left empty
 * @param updatedAt null = column left empty
 * @param notes free text for the optional notes column, null = none
 */
record OrderLine(
    String orderId,
    int lineNumber,
    LocalDateTime orderTime,
    TimestampStyle style,
    String customerId,
    String orderSource,
    String salesRepId,
    String quoteId,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discount,
    String currency,
    String status,
    LocalDateTime updatedAt,
    String notes) {

  /** The canonical export columns, in their usual order. */
  static final List<String> COLUMNS =
      List.of(
          "order_id", "line_number", "order_timestamp", "customer_id", "order_source",
          "sales_rep_id", "quote_id", "sku", "quantity", "unit_price", "discount_amount",
          "currency", "order_status", "updated_at");

  static final String NOTES = "notes";

  /** Column name to written value (empty string for an empty field), notes included. */
  Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("order_id", orderId);
    v.put("line_number", Integer.toString(lineNumber));
    v.put("order_timestamp", style.render(orderTime, SampleCalendar.ZONE));
    v.put("customer_id", customerId);
    v.put("order_source", orderSource);
    v.put("sales_rep_id", text(salesRepId));
    v.put("quote_id", text(quoteId));
    v.put("sku", sku);
    v.put("quantity", quantity.toPlainString());
    v.put("unit_price", unitPrice.toPlainString());
    v.put("discount_amount", discount == null ? "" : discount.toPlainString());
    v.put("currency", currency);
    v.put("order_status", text(status));
    v.put("updated_at", updatedAt == null ? "" : style.forUpdatedAt().render(updatedAt, SampleCalendar.ZONE));
    v.put(NOTES, text(notes));
    return v;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  OrderLine withLineNumber(int newLineNumber) {
    return new OrderLine(orderId, newLineNumber, orderTime, style, customerId, orderSource, salesRepId,
        quoteId, sku, quantity, unitPrice, discount, currency, status, updatedAt, notes);
  }

  OrderLine withQuantity(BigDecimal newQuantity, LocalDateTime newUpdatedAt) {
    return new OrderLine(orderId, lineNumber, orderTime, style, customerId, orderSource, salesRepId,
        quoteId, sku, newQuantity, unitPrice, discount, currency, status, newUpdatedAt, notes);
  }

  OrderLine withStatus(String newStatus, LocalDateTime newUpdatedAt) {
    return new OrderLine(orderId, lineNumber, orderTime, style, customerId, orderSource, salesRepId,
        quoteId, sku, quantity, unitPrice, discount, currency, newStatus, newUpdatedAt, notes);
  }

  OrderLine withNotes(String newNotes) {
    return new OrderLine(orderId, lineNumber, orderTime, style, customerId, orderSource, salesRepId,
        quoteId, sku, quantity, unitPrice, discount, currency, status, updatedAt, newNotes);
  }

  OrderLine withOrderTime(LocalDateTime newOrderTime, TimestampStyle newStyle) {
    return new OrderLine(orderId, lineNumber, newOrderTime, newStyle, customerId, orderSource, salesRepId,
        quoteId, sku, quantity, unitPrice, discount, currency, status, updatedAt, notes);
  }
}
