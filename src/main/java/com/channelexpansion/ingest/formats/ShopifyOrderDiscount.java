package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportNumbers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

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
      Optional<BigDecimal> value = ExportNumbers.parseDecimal(subtotal);
      return value
          .map(v -> new ShopifyOrderDiscount(OrderLevelDiscount.linesValue(lines).subtract(v), null))
          .orElseGet(() -> unreadable(ShopifyOrdersFormat.SUBTOTAL, subtotal));
    }
    if (discountAmount != null) {
      Optional<BigDecimal> value = ExportNumbers.parseDecimal(discountAmount);
      return value
          .map(v -> new ShopifyOrderDiscount(v.subtract(OrderLevelDiscount.lineDiscounts(lines)), null))
          .orElseGet(() -> unreadable(ShopifyOrdersFormat.DISCOUNT_AMOUNT, discountAmount));
    }
    return NONE;
  }

  private static ShopifyOrderDiscount unreadable(String column, String text) {
    return new ShopifyOrderDiscount(
        BigDecimal.ZERO, column + ": '" + text + "' is not a number");
  }
}
