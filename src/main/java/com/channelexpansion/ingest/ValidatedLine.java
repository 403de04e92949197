package com.channelexpansion.ingest;

import com.channelexpansion.config.Channel;
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
    Instant updatedAt)
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
        null, false, null);
  }
}
