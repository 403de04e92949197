package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.DecimalText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The number grammar of export values (PRODUCT.md, Precise rules, Numbers): an optional sign,
 * ASCII digits, optionally {@code .} and 1 to 6 digits, with |value| < 10^12. {@code 5.},
 * {@code .5}, exponents, thousands separators and anything else do not parse. {@code -0} parses
 * as zero (not negative).
 *
 * <p>The grammar itself is {@link DecimalText}'s, shared with the definition files.
 */
public final class ExportNumbers {
  /** Fraction digits allowed in quantity, unit_price and discount_amount. */
  public static final int MAX_FRACTION_DIGITS = 6;

  /** Exclusive bound on |value| of any export number. */
  public static final BigDecimal MAX_ABS_EXCLUSIVE = DecimalText.LIMIT;

  /** Exclusive bound on |amount| for DECIMAL(18,2): 16 integer digits. */
  private static final BigDecimal MONEY_ABS_EXCLUSIVE = BigDecimal.TEN.pow(16);


  private ExportNumbers() {}

  /**
   * Parses a decimal of the export grammar.
   *
   * @return the value (scale as written), or empty when the text does not follow the grammar or
   *     |value| >= 10^12; null text gives empty
   */
  public static Optional<BigDecimal> parseDecimal(String text) {
    return text == null
        ? Optional.empty()
        : Optional.ofNullable(DecimalText.parse(text, MAX_FRACTION_DIGITS));
  }

  /**
   * Parses a line_number: an optional sign and digits, no fraction, value in [0, 10^12).
   * Leading zeros are allowed ({@code 01} = 1), {@code +1} = 1 and {@code -0} = 0 (the number
   * grammar allows a sign and -0 is not negative); {@code 1.0} is not an integer text.
   */
  public static OptionalLong parseLineNumber(String text) {
    BigDecimal value = text == null ? null : DecimalText.parse(text, 0);
    if (value == null || value.signum() < 0) {
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
