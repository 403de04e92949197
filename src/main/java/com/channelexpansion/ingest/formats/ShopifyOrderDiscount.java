package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.Parsed;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Shopify order's discount that is not on its lines (discount codes, automatic discounts):
 * the lines' value (quantity * price - line discount) minus {@code Subtotal}; when Subtotal is
 * empty, {@code Discount Amount} (the whole-order discount) minus the line discounts; zero when
 * both are empty. Read off the order's first row. Negative = a surcharge.
 *
 * @param amount in the order's currency; zero when there is a problem
 * @param problem null, or which order-level value does not read as a number
 */
record ShopifyOrderDiscount(BigDecimal amount, String problem) {
  /** No discount to spread (an order's later, non-adjacent rows). */
  static final ShopifyOrderDiscount NONE = new ShopifyOrderDiscount(BigDecimal.ZERO, null);

  static ShopifyOrderDiscount of(String subtotal, String discountAmount, List<RawOrderLine> lines) {
    if (subtotal != null) {
      Parsed<BigDecimal> value = ExportNumbers.parseDecimal(subtotal);
      return value.ok()
          ? new ShopifyOrderDiscount(OrderLevelDiscount.linesValue(lines).subtract(value.value()), null)
          : unreadable(ShopifyColumns.SUBTOTAL, value);
    }
    if (discountAmount != null) {
      Parsed<BigDecimal> value = ExportNumbers.parseDecimal(discountAmount);
      return value.ok()
          ? new ShopifyOrderDiscount(value.value().subtract(OrderLevelDiscount.lineDiscounts(lines)), null)
          : unreadable(ShopifyColumns.DISCOUNT_AMOUNT, value);
    }
    return NONE;
  }

  private static ShopifyOrderDiscount unreadable(String column, Parsed<BigDecimal> value) {
    return new ShopifyOrderDiscount(BigDecimal.ZERO, column + ": " + value.problem());
  }
}
