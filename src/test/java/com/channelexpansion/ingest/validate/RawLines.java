package com.channelexpansion.ingest.validate;

import com.channelexpansion.ingest.read.RawOrderLine;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link RawOrderLine}s for tests: a valid default line, with columns overridden by name. */
final class RawLines {
  private final Map<String, String> values = new LinkedHashMap<>();
  private String malformedDetail;
  private String headerMissingDetail;

  private RawLines() {}

  /**
   * A valid line: 3 x 19.99 EUR less 2.50 discount, ordered on the web at 2024-03-15T10:00Z.
   * Codes are lower-case on purpose, to check upper-casing.
   */
  static RawLines valid() {
    RawLines b = new RawLines();
    b.values.put("order_id", "so-1001");
    b.values.put("line_number", "1");
    b.values.put("order_timestamp", "2024-03-15T10:00:00Z");
    b.values.put("customer_id", "c-42");
    b.values.put("order_source", "web");
    b.values.put("sales_rep_id", null);
    b.values.put("quote_id", null);
    b.values.put("sku", "sku-9");
    b.values.put("quantity", "3");
    b.values.put("unit_price", "19.99");
    b.values.put("discount_amount", "2.5");
    b.values.put("currency", "eur");
    b.values.put("order_status", "shipped");
    b.values.put("updated_at", null);
    return b;
  }

  /** Sets a canonical column's value (null = empty). */
  RawLines with(String column, String value) {
    if (!values.containsKey(column)) {
      throw new IllegalArgumentException("not a canonical column: " + column);
    }
    values.put(column, value);
    return this;
  }

  /** Marks the line malformed, as a reader would with this detail. */
  RawLines malformed(String detail) {
    malformedDetail = detail;
    return this;
  }

  /** Marks the line's header as lacking a required column, as a reader would with this detail. */
  RawLines headerMissingRequired(String detail) {
    headerMissingDetail = detail;
    return this;
  }

  RawOrderLine build() {
    return new RawOrderLine(
        "2024/03/export.csv",
        7,
        "raw text of line 7",
        malformedDetail,
        headerMissingDetail,
        values.get("order_id"),
        values.get("line_number"),
        values.get("order_timestamp"),
        values.get("customer_id"),
        values.get("order_source"),
        values.get("sales_rep_id"),
        values.get("quote_id"),
        values.get("sku"),
        values.get("quantity"),
        values.get("unit_price"),
        values.get("discount_amount"),
        values.get("currency"),
        values.get("order_status"),
        values.get("updated_at"));
  }
}
