package com.channelexpansion.ingest.validate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The number grammar of export values (PRODUCT.md, Precise rules, Numbers): an optional sign,
 * ASCII digits, optionally {@code .} and 1 to 6 digits, with |value| < 10^12. {@code 5.},
 * {@code .5}, exponents, thousands separators and anything else do not parse. {@code -0} parses
 * as zero (not negative).
 *
 * <p>The same grammar is written as {@code com.channelexpansion.config.DecimalText} on another
 * branch; the two should be merged into one.
 */
public final class ExportNumbers {
  /** Fraction digits allowed in quantity, unit_price and discount_amount. */
  public static final int MAX_FRACTION_DIGITS = 6;

  /** Exclusive bound on |value| of any export number. */
  public static final BigDecimal MAX_ABS_EXCLUSIVE = BigDecimal.TEN.pow(12);

  /** Exclusive bound on |amount| for DECIMAL(18,2): 16 integer digits. */
  private static final BigDecimal MONEY_ABS_EXCLUSIVE = BigDecimal.TEN.pow(16);

  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]{1,6})?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private ExportNumbers() {}

  /**
   * Parses a decimal of the export grammar.
   *
   * @return the value (scale as written), or empty when the text does not follow the grammar or
   *     |value| >= 10^12; null text gives empty
   */
  public static Optional<BigDecimal> parseDecimal(String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal(text);
    return value.abs().compareTo(MAX_ABS_EXCLUSIVE) < 0 ? Optional.of(value) : Optional.empty();
  }

  /**
   * Parses a line_number: an optional sign and digits, no fraction, value in [0, 10^12).
   * Leading zeros are allowed ({@code 01} = 1), {@code +1} = 1 and {@code -0} = 0 (the number
   * grammar allows a sign and -0 is not negative); {@code 1.0} is not an integer text.
   */
  public static OptionalLong parseLineNumber(String text) {
    if (text == null || !INTEGER.matcher(text).matches()) {
      return OptionalLong.empty();
    }
    BigDecimal value = new BigDecimal(text);
    if (value.signum() < 0 || value.compareTo(MAX_ABS_EXCLUSIVE) >= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(value.longValueExact());
  }

  /**
   * Rounds to cents HALF_UP (away from zero: -0.125 becomes -0.13) and checks the result fits
   * DECIMAL(18,2).
   *
   * @return the amount at scale 2, or empty when |rounded| >= 10^16
   */
  public static Optional<BigDecimal> toMoney(BigDecimal exact) {
    BigDecimal rounded = exact.setScale(2, RoundingMode.HALF_UP);
    return rounded.abs().compareTo(MONEY_ABS_EXCLUSIVE) < 0 ? Optional.of(rounded) : Optional.empty();
  }
}
