package com.channelexpansion.ingest.read;

import java.io.Serializable;

/**
 * One record of an export file, before validation: where it came from, its raw text, and the
 * untyped value of each canonical column (trimmed; null when empty or when the file's header
 * lacks the column). Every source format ends here, so validation has one input shape.
 *
 * @param sourceFile path relative to --input, '/'-separated
 * @param sourceLine physical line (1-based) where the record starts
 * @param rawRecord the record's text as in the file, lines joined with LF, bad bytes as U+FFFD
 * @param malformedDetail null, or why the record could not be read as a CSV record of the
 *     header's width ({@code record: 15 fields, header has 14}); never a personal value
 * @param headerMissingDetail null, or which required column the file's header lacks
 *     ({@code header: no column customer_id})
 */
public record RawOrderLine(
    String sourceFile,
    long sourceLine,
    String rawRecord,
    String malformedDetail,
    String headerMissingDetail,
    String orderId,
    String lineNumber,
    String orderTimestamp,
    String customerId,
    String orderSource,
    String salesRepId,
    String quoteId,
    String sku,
    String quantity,
    String unitPrice,
    String discountAmount,
    String currency,
    String orderStatus,
    String updatedAt)
    implements Serializable {

  /** Canonical column names in the order of this record's value fields. */
  public static final java.util.List<String> CANONICAL_COLUMNS =
      java.util.List.of(
          "order_id",
          "line_number",
          "order_timestamp",
          "customer_id",
          "order_source",
          "sales_rep_id",
          "quote_id",
          "sku",
          "quantity",
          "unit_price",
          "discount_amount",
          "currency",
          "order_status",
          "updated_at");

  /** Columns whose value must not be empty (PRODUCT.md, order exports). */
  public static final java.util.Set<String> REQUIRED_COLUMNS =
      java.util.Set.of(
          "order_id",
          "line_number",
          "order_timestamp",
          "customer_id",
          "order_source",
          "quantity",
          "unit_price",
          "currency");

  /** The same record with another discount_amount (an order-level discount booked on it). */
  public RawOrderLine withDiscountAmount(String discount) {
    return new RawOrderLine(
        sourceFile, sourceLine, rawRecord, malformedDetail, headerMissingDetail, orderId,
        lineNumber, orderTimestamp, customerId, orderSource, salesRepId, quoteId, sku, quantity,
        unitPrice, discount, currency, orderStatus, updatedAt);
  }

  /**
   * A record whose values could not be read at all.
   *
   * @param detail why, e.g. {@code record: unterminated quoted field}
   */
  public static RawOrderLine malformed(
      String sourceFile, long sourceLine, String rawRecord, String detail) {
    return new RawOrderLine(
        sourceFile, sourceLine, rawRecord, detail, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /**
   * The detail of a header that lacks required columns, e.g. {@code header: no column
   * customer_id} or {@code header: no columns order_id, currency}.
   */
  public static String headerLacks(java.util.List<String> columns) {
    return (columns.size() == 1 ? "header: no column " : "header: no columns ")
        + String.join(", ", columns);
  }

  /** True when the record could not be read as a CSV record of the header's width. */
  public boolean malformed() {
    return malformedDetail != null;
  }

  /** True when the file's header lacks a required column: every row is then rejected. */
  public boolean headerMissingRequired() {
    return headerMissingDetail != null;
  }
}
