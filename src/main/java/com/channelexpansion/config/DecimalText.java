package com.channelexpansion.config;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one number grammar of PRODUCT.md ("Precise rules: Numbers"), shared by the definition
 * loaders and the export validator so a number means the same thing everywhere.
 *
 * <p>Contract of {@link #parse(String, int)}: the text is taken exactly as given (callers trim;
 * {@code " 1"} is invalid). It must be an optional sign ({@code +} or {@code -}), one or more
 * ASCII digits, and optionally a {@code .} followed by 1 to {@code maxScale} ASCII digits; its
 * absolute value must be below 10^12. So {@code -0}, {@code 01}, {@code +1.5} and
 * {@code 999999999999.999999} are accepted, while {@code 5.}, {@code .5}, {@code 1e3},
 * {@code 1,000}, {@code 1_000}, a lone sign, a too-long fraction and 10^12 or more are rejected.
 * The result keeps the scale as written ({@code "1.50"} has scale 2, {@code "-0"} is zero, which
 * is not negative). Invalid text gives null, never an exception.
 */
public final class DecimalText {

  /** Decimals allowed in ordinary numbers (quantities, prices, plan rates, ratios). */
  public static final int DEFAULT_MAX_SCALE = 6;

  /** Decimals allowed in FX rates. */
  public static final int FX_RATE_MAX_SCALE = 10;

  /** Every accepted value's absolute value is below this bound (10^12). */
  public static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);

  private static final Pattern SHAPE = Pattern.compile("[+-]?[0-9]+(\\.([0-9]+))?");

  private DecimalText() {}

  /**
   * Parses {@code text} by the number grammar.
   *
   * @param text the value, already trimmed; null gives null
   * @param maxScale most digits allowed after the point (at least 0)
   * @return the value, or null when {@code text} is not a valid number
   */
  public static BigDecimal parse(String text, int maxScale) {
    return problem(text, maxScale) == null ? new BigDecimal(text) : null;
  }

  /**
   * Why {@code text} is not a valid number, in words for a message ("has more than 6
   * decimals"), or null when it is valid.
   */
  public static String problem(String text, int maxScale) {
    if (maxScale < 0) {
      throw new IllegalArgumentException("Cannot parse a number: maxScale " + maxScale + " < 0");
    }
    if (text == null || text.isEmpty()) {
      return "is empty";
    }
    var matcher = SHAPE.matcher(text);
    if (!matcher.matches()) {
      return "is not a number (write digits with an optional sign and a '.' before the decimals;"
          + " no exponents, thousands separators or currency signs)";
    }
    String fraction = matcher.group(2);
    if (fraction != null && fraction.length() > maxScale) {
      return maxScale == 0
          ? "must be a whole number"
          : "has more than " + maxScale + " decimals";
    }
    if (new BigDecimal(text).abs().compareTo(LIMIT) >= 0) {
      return "is too large (its size must be below 10^12)";
    }
    return null;
  }
}
