package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportNumbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Books an order-level discount on the order's lines (PRODUCT.md, Real exports): each line's
 * discount_amount becomes its own discount plus its share ({@link OrderDiscountAllocation}), so
 * validation, FX and every report treat it like any line discount.
 *
 * <p>Only lines whose quantity, price and discount read as numbers take a share (the others are
 * rejected as invalid_number anyway); ties go to the lower line number, then the earlier row.
 */
final class OrderLevelDiscount {
  private OrderLevelDiscount() {}

  /** quantity * unit_price - discount_amount of a line, when all three read as numbers. */
  static Optional<BigDecimal> lineValue(RawOrderLine line) {
    BigDecimal quantity = ExportNumbers.parseDecimal(line.quantity()).value();
    BigDecimal price = ExportNumbers.parseDecimal(line.unitPrice()).value();
    BigDecimal discount = ownDiscount(line);
    if (quantity == null || price == null || discount == null) {
      return Optional.empty();
    }
    return Optional.of(quantity.multiply(price).subtract(discount));
  }

  /** The line's own discount_amount (zero when empty), or null when it does not read. */
  private static BigDecimal ownDiscount(RawOrderLine line) {
    return line.discountAmount() == null
        ? BigDecimal.ZERO
        : ExportNumbers.parseDecimal(line.discountAmount()).value();
  }

  /** The sum of {@link #lineValue} over the lines that have one. */
  static BigDecimal linesValue(List<RawOrderLine> lines) {
    return lines.stream()
        .map(OrderLevelDiscount::lineValue)
        .flatMap(Optional::stream)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The sum of the lines' own discounts that read as numbers. */
  static BigDecimal lineDiscounts(List<RawOrderLine> lines) {
    return lines.stream()
        .filter(line -> lineValue(line).isPresent())
        .map(OrderLevelDiscount::ownDiscount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The lines with {@code orderDiscount} spread over them, in the order given.
   *
   * @param orderDiscount in the order's currency; zero leaves the lines as they are
   */
  static List<RawOrderLine> spread(BigDecimal orderDiscount, List<RawOrderLine> lines) {
    if (orderDiscount.signum() == 0) {
      return lines;
    }
    List<Integer> sharing = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lineValue(lines.get(i)).isPresent()) {
        sharing.add(i);
      }
    }
    sharing.sort(Comparator.comparing((Integer i) -> lineNumberOf(lines.get(i))));
    List<BigDecimal> values = new ArrayList<>();
    sharing.forEach(i -> values.add(lineValue(lines.get(i)).orElseThrow()));
    List<BigDecimal> shares = OrderDiscountAllocation.allocate(orderDiscount, values);
    List<RawOrderLine> result = new ArrayList<>(lines);
    for (int k = 0; k < sharing.size(); k++) {
      RawOrderLine line = lines.get(sharing.get(k));
      String discount = ownDiscount(line).add(shares.get(k)).toPlainString();
      result.set(sharing.get(k), line.withDiscountAmount(discount));
    }
    return result;
  }

  /** The line number for ties; a line number that does not read sorts last. */
  private static long lineNumberOf(RawOrderLine line) {
    Long number = ExportNumbers.parseLineNumber(line.lineNumber()).value();
    return number == null ? Long.MAX_VALUE : number;
  }
}
