package com.channelexpansion.ingest.validate;

import com.channelexpansion.config.DecimalText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The number grammar of export values (PRODUCT.md, Precise rules, Numbers): an optional sign,
 * ASCII digits, optionally {@code .} and 1 to 6 digits, with |value| < 10^12. {@code 5.},
 * {@code .5}, exponents, thousands separators and anything else do not parse. {@code -0} parses
 * as zero (not negative).
 *
 * <p>The grammar itself is {@link DecimalText}'s, shared with the definition files. A text that
 * does not parse gets a problem naming the common mistake it shows (an exponent, a thousands
 * separator, a decimal comma, a point without a digit on one side), for the reject's detail.
 */
public final class ExportNumbers {
  /** Fraction digits allowed in quantity, unit_price and discount_amount. */
  public static final int MAX_FRACTION_DIGITS = 6;

  /** Exclusive bound on |amount| for DECIMAL(18,2): 16 integer digits. */
  private static final BigDecimal MONEY_ABS_EXCLUSIVE = BigDecimal.TEN.pow(16);

  /**
   * Exclusive bound on |amount after FX|, like any export number: with it a sum of 10^20 lines
   * still fits DECIMAL(38,2), and rate * amount * multiplier keeps its cents, so no accepted line
   * can make a report overflow.
   */
  public static final BigDecimal AMOUNT_ABS_EXCLUSIVE = DecimalText.LIMIT;

  private static final Pattern EXPONENT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)[eE][+-]?[0-9]+");
  private static final Pattern THOUSANDS =
      Pattern.compile("[+-]?[0-9]{1,3}([,.' _\u00A0\u202F][0-9]{3})+([.,][0-9]+)?");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?[0-9]+,[0-9]+");
  private static final Pattern NO_DIGIT_AFTER_POINT = Pattern.compile("[+-]?[0-9]+\\.");
  private static final Pattern NO_DIGIT_BEFORE_POINT = Pattern.compile("[+-]?\\.[0-9]+");
  /** Digits with an optional sign and fraction: what is left wrong is the size or the scale. */
  private static final Pattern NUMERAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  private ExportNumbers() {}

  /**
   * Parses a decimal of the export grammar.
   *
   * @return the value (scale as written), or the problem when the text does not follow the
   *     grammar or |value| >= 10^12 (null text: "empty")
   */
  public static Parsed<BigDecimal> parseDecimal(String text) {
    BigDecimal value = text == null ? null : DecimalText.parse(text, MAX_FRACTION_DIGITS);
    return value != null ? Parsed.of(value) : Parsed.invalid(problem(text, MAX_FRACTION_DIGITS));
  }

  /**
   * Parses a line_number: an optional sign and digits, no fraction, value in [0, 10^12).
   * Leading zeros are allowed ({@code 01} = 1), {@code +1} = 1 and {@code -0} = 0 (the number
   * grammar allows a sign and -0 is not negative); {@code 1.0} is not an integer text.
   */
  public static Parsed<Long> parseLineNumber(String text) {
    BigDecimal value = text == null ? null : DecimalText.parse(text, 0);
    if (value != null && value.signum() >= 0) {
      return Parsed.of(value.longValueExact());
    }
    boolean wrongSignOrScale =
        text != null
            && NUMERAL.matcher(text).matches()
            && (value != null || DecimalText.parse(text, MAX_FRACTION_DIGITS) != null);
    return Parsed.invalid(
        wrongSignOrScale
            ? DetailText.quote(text) + " is not a non-negative integer"
            : problem(text, 0));
  }

  /**
   * Rounds to cents HALF_UP (away from zero: -0.125 becomes -0.13) and checks the result fits
   * DECIMAL(18,2).
   *
   * @return the amount at scale 2, or empty when |rounded| >= 10^16
   */
  public static Optional<BigDecimal> toMoney(BigDecimal exact) {
    return centsBelow(exact, MONEY_ABS_EXCLUSIVE);
  }

  /**
   * Rounds an amount after FX to cents HALF_UP and checks |rounded| < 10^12 (PRODUCT.md,
   * Numbers).
   *
   * @return the amount at scale 2, or empty when it is too large
   */
  public static Optional<BigDecimal> toAmount(BigDecimal exact) {
    return centsBelow(exact, AMOUNT_ABS_EXCLUSIVE);
  }

  private static Optional<BigDecimal> centsBelow(BigDecimal exact, BigDecimal bound) {
    BigDecimal rounded = exact.setScale(2, RoundingMode.HALF_UP);
    return rounded.abs().compareTo(bound) < 0 ? Optional.of(rounded) : Optional.empty();
  }

  /** Why a text that does not parse is not a number of the grammar, quoting it. */
  private static String problem(String text, int maxFractionDigits) {
    if (text == null || text.isEmpty()) {
      return "empty";
    }
    String quoted = DetailText.quote(text);
    if (EXPONENT.matcher(text).matches()) {
      return quoted + " has an exponent";
    }
    if (THOUSANDS.matcher(text).matches()) {
      return quoted + " has a thousands separator";
    }
    if (DECIMAL_COMMA.matcher(text).matches()) {
      return quoted + " has a decimal comma (write '.')";
    }
    if (NO_DIGIT_AFTER_POINT.matcher(text).matches()) {
      return quoted + " has no digit after '.'";
    }
    if (NO_DIGIT_BEFORE_POINT.matcher(text).matches()) {
      return quoted + " has no digit before '.'";
    }
    if (!NUMERAL.matcher(text).matches()) {
      return quoted + " is not a number";
    }
    // "has more than 6 decimals", "must be a whole number", "is too large (...)"
    return quoted + " " + DecimalText.problem(text, maxFractionDigits);
  }
}
