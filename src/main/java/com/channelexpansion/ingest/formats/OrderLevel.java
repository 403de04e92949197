package com.channelexpansion.ingest.formats;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * What a source format read off the order a line belongs to, beyond the line's canonical values.
 *
 * @param problem null, or why an order-level value the format needs could not be read (e.g.
 *     {@code Subtotal: '12,50' is not a number}): every line of the order is then invalid_number
 * @param refundedAmount on the order's first line only: the refunds the export holds as an order
 *     total (Shopify {@code Refunded Amount}), as text in the order's currency; null otherwise
 * @param discount on the order's first line only: the order-level discount spread over its lines,
 *     in the order's currency (negative: a surcharge); null otherwise
 */
public record OrderLevel(String problem, String refundedAmount, BigDecimal discount)
    implements Serializable {
  /** Nothing read off the order. */
  public static final OrderLevel NONE = new OrderLevel(null, null, null);
}
