package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.RawOrderLine;
import com.channelexpansion.ingest.ValidatedLine;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import java.io.Serializable;

/**
 * One record a {@link SourceFormat} read: the canonical raw line and, when the format knows the
 * line is no sale although it is valid (a Shopify staff draft with a zero total), why.
 *
 * @param line the record as canonical values, validated like any export record
 * @param exclusion null, or why the line is set aside when validation accepts it
 */
public record SourceRecord(RawOrderLine line, Exclusion exclusion) implements Serializable {

  /** A record with no exclusion. */
  public static SourceRecord of(RawOrderLine line) {
    return new SourceRecord(line, null);
  }

  /**
   * Validates the line. A rejected line keeps its reason (an exclusion never hides a data
   * problem); an accepted, excluded line is kept with order_status = the exclusion's status and
   * is_cancelled true, so it counts nowhere.
   */
  public ValidatedLine validate(ExportLineValidator validator) {
    ValidatedLine v = validator.validate(line);
    if (exclusion == null || !v.accepted()) {
      return v;
    }
    return new ValidatedLine(
        v.sourceFile(), v.sourceLine(), v.rawRecord(), v.rejectReason(), v.rejectDetail(),
        v.orderId(), v.lineNumber(), v.orderTimestamp(), v.orderDate(), v.month(),
        v.customerId(), v.orderSource(), v.channel(), v.channelRule(), v.salesRepId(),
        v.quoteId(), v.sku(), v.quantity(), v.unitPrice(), v.discountAmount(), v.currency(),
        v.fxRate(), v.amount(), exclusion.status(), true, v.updatedAt());
  }
}
