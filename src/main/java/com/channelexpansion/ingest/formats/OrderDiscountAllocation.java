package com.channelexpansion.ingest.formats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spreads an order-level discount (a discount code, an automatic discount: money taken off the
 * order, not off one line) over the order's lines, so that the lines' amounts add up to what the
 * order was really sold for (PRODUCT.md, Real exports: order-level discounts).
 *
 * <p>The discount is rounded HALF_UP to cents and allocated in whole cents in proportion to each
 * line's value (quantity * price - line discount), by largest remainder: every line first takes
 * the floor of its exact share, and the cents left over go one each to the lines with the largest
 * fractional parts, ties to the earlier line. The shares add up to the discount exactly. When the
 * lines' values add up to zero there is no proportion: the lines share equally (same rule). A
 * negative discount (a surcharge) is allocated like a discount of the same size, signs flipped.
 *
 * <p>Pure and exact: integer arithmetic on the values scaled to a common scale, no rounding but
 * the one to cents.
 */
public final class OrderDiscountAllocation {
  private OrderDiscountAllocation() {}

  /**
   * The shares of {@code discount}, one per line value, at scale 2, in the order of {@code
   * lineValues} (which is also the tie order: pass lines by line number).
   *
   * @param discount the order-level discount in the order's currency (negative = a surcharge)
   * @param lineValues each line's quantity * price - line discount
   * @return shares summing exactly to {@code discount} rounded to cents; empty for no lines
   */
  public static List<BigDecimal> allocate(BigDecimal discount, List<BigDecimal> lineValues) {
    List<BigDecimal> shares = new ArrayList<>();
    if (lineValues.isEmpty()) {
      return shares;
    }
    BigInteger signedCents = discount.setScale(2, RoundingMode.HALF_UP).unscaledValue();
    // A surcharge is allocated exactly like a discount of the same size, signs flipped.
    BigInteger cents = signedCents.abs();
    List<BigInteger> weights = weights(lineValues);
    BigInteger total = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (total.signum() < 0) {
      // Floors and remainders below assume a positive divisor; the shares are unchanged.
      total = total.negate();
      weights.replaceAll(BigInteger::negate);
    }
    int n = weights.size();
    BigInteger[] floors = new BigInteger[n];
    BigInteger[] remainders = new BigInteger[n];
    BigInteger allocated = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      BigInteger[] qr = cents.multiply(weights.get(i)).divideAndRemainder(total);
      if (qr[1].signum() < 0) { // floor division: remainder in [0, total)
        qr[0] = qr[0].subtract(BigInteger.ONE);
        qr[1] = qr[1].add(total);
      }
      floors[i] = qr[0];
      remainders[i] = qr[1];
      allocated = allocated.add(qr[0]);
    }
    int leftover = cents.subtract(allocated).intValueExact();
    List<Integer> byRemainder = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byRemainder.add(i);
    }
    byRemainder.sort(
        Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < leftover; k++) {
      int i = byRemainder.get(k);
      floors[i] = floors[i].add(BigInteger.ONE);
    }
    for (BigInteger share : floors) {
      shares.add(new BigDecimal(signedCents.signum() < 0 ? share.negate() : share, 2));
    }
    return shares;
  }

  /** The values as integers at their common scale; all ones when they add up to zero. */
  private static List<BigInteger> weights(List<BigDecimal> lineValues) {
    int scale = lineValues.stream().mapToInt(BigDecimal::scale).max().orElse(0);
    List<BigInteger> weights = new ArrayList<>();
    BigInteger total = BigInteger.ZERO;
    for (BigDecimal value : lineValues) {
      BigInteger weight = value.setScale(Math.max(scale, 0)).unscaledValue();
      weights.add(weight);
      total = total.add(weight);
    }
    if (total.signum() == 0) {
      weights.replaceAll(w -> BigInteger.ONE);
    }
    return weights;
  }
}
