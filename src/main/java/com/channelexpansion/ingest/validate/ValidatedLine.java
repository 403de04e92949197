package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.Channel;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.warehouse.ChannelRule;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A {@link RawOrderLine} after validation: either rejected with one reason and a detail naming
 * the field and its problem ({@code customer_id: empty}; all typed fields null), or accepted
 * with every field typed and normalized (codes upper-cased, decimals at their column scale:
 * quantity/prices/discount 6, fxRate 10, amount 2).
 *
 * <p>Two values belong to the order, not the line, and are set on an order's first line only
 * (else null): orderRefundedAmount, the refunds an export holds as an order total, in the
 * reporting currency at scale 2; orderLevelDiscount, the discount spread over the order's lines,
 * in the order's currency (negative: a surcharge).
 */
public record ValidatedLine(
    String sourceFile,
    long sourceLine,
    String rawRecord,
    RejectReason rejectReason,
    String rejectDetail,
    String orderId,
    Long lineNumber,
    Instant orderTimestamp,
    LocalDate orderDate,
    String month,
    String customerId,
    String orderSource,
    Channel channel,
    ChannelRule channelRule,
    String salesRepId,
    String quoteId,
    String sku,
    BigDecimal quantity,
    BigDecimal unitPrice,
    BigDecimal discountAmount,
    String currency,
    BigDecimal fxRate,
    BigDecimal amount,
    String orderStatus,
    boolean cancelled,
    Instant updatedAt,
    BigDecimal orderRefundedAmount,
    BigDecimal orderLevelDiscount)
    implements Serializable {

  public boolean accepted() {
    return rejectReason == null;
  }

  /**
   * @param detail the field and its problem, e.g. {@code quantity: '1e5' has an exponent}; never
   *     a personal value
   */
  public static ValidatedLine rejected(RawOrderLine raw, RejectReason reason, String detail) {
    return new ValidatedLine(
        raw.sourceFile(), raw.sourceLine(), raw.rawRecord(), reason, detail, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, false, null, null, null);
  }

  /** The same accepted line set aside as no sale: order_status {@code status}, cancelled. */
  public ValidatedLine excluded(String status) {
    return new ValidatedLine(
        sourceFile, sourceLine, rawRecord, rejectReason, rejectDetail, orderId, lineNumber,
        orderTimestamp, orderDate, month, customerId, orderSource, channel, channelRule,
        salesRepId, quoteId, sku, quantity, unitPrice, discountAmount, currency, fxRate, amount,
        status, true, updatedAt, orderRefundedAmount, orderLevelDiscount);
  }

  /** The same accepted line with the values of its order. */
  public ValidatedLine withOrderValues(BigDecimal refundedAmount, BigDecimal levelDiscount) {
    return new ValidatedLine(
        sourceFile, sourceLine, rawRecord, rejectReason, rejectDetail, orderId, lineNumber,
        orderTimestamp, orderDate, month, customerId, orderSource, channel, channelRule,
        salesRepId, quoteId, sku, quantity, unitPrice, discountAmount, currency, fxRate, amount,
        orderStatus, cancelled, updatedAt, refundedAmount, levelDiscount);
  }
}
