package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.Parsed;
import com.channelexpansion.ingest.validate.RejectReason;
import com.channelexpansion.ingest.validate.ValidatedLine;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * One record a {@link SourceFormat} read: the canonical raw line and, when the format knows the
 * line is no sale although it is valid (a Shopify staff draft with a zero total), why.
 *
 * @param line the record as canonical values, validated like any export record
 * @param exclusion null, or why the line is set aside when validation accepts it
 * @param order what the format read off the line's order ({@link OrderLevel#NONE}: nothing)
 */
public record SourceRecord(RawOrderLine line, Exclusion exclusion, OrderLevel order)
    implements Serializable {

  /** The column that holds an order's refunds as a total, in Shopify's export. */
  private static final String REFUNDED_AMOUNT = "Refunded Amount";

  /** A record with no exclusion and nothing read off its order. */
  public static SourceRecord of(RawOrderLine line) {
    return new SourceRecord(line, null, OrderLevel.NONE);
  }

  /**
   * Validates the line, then the values of its order: an order-level value that cannot be read
   * rejects the line as invalid_number (unless a reason that ranks higher applies). A rejected
   * line keeps its reason (an exclusion never hides a data problem); an accepted, excluded line
   * is kept with order_status = the exclusion's status and is_cancelled true, so it counts
   * nowhere. The refunded amount is converted like an amount, at the line's FX rate.
   */
  public ValidatedLine validate(ExportLineValidator validator) {
    ValidatedLine v = validator.validate(line);
    if (!v.accepted() && v.rejectReason().compareTo(RejectReason.INVALID_NUMBER) <= 0) {
      return v;
    }
    String problem = order.problem();
    BigDecimal refund = null;
    if (problem == null && order.refundedAmount() != null) {
      Parsed<BigDecimal> value = ExportNumbers.parseDecimal(order.refundedAmount());
      if (!value.ok()) {
        problem = REFUNDED_AMOUNT + ": " + value.problem();
      } else if (v.accepted()) {
        Optional<BigDecimal> converted = ExportNumbers.toAmount(value.value().multiply(v.fxRate()));
        if (converted.isEmpty()) {
          problem = REFUNDED_AMOUNT + ": " + value.value().toPlainString()
              + " after FX is too large (its size must be below 10^12)";
        } else {
          refund = converted.get();
        }
      }
    }
    if (problem != null) {
      return ValidatedLine.rejected(line, RejectReason.INVALID_NUMBER, problem);
    }
    if (!v.accepted()) {
      return v;
    }
    BigDecimal discount =
        order.discount() == null ? null : order.discount().setScale(2, RoundingMode.HALF_UP);
    ValidatedLine accepted = v.withOrderValues(refund, discount);
    return exclusion == null ? accepted : accepted.excluded(exclusion.status());
  }
}
