package com.channelexpansion.config;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The settings of the customers' channel states (PRODUCT.md, "The value case"): {@code
 * digital_first_share}, a fraction with 0 &lt; share &lt;= 1 (default 0.8), and {@code
 * state_window_months}, a whole number of months from 1 to {@link #MAX_STATE_WINDOW_MONTHS}
 * (default 12). An absent key or an empty value takes the default.
 */
final class ChannelStateSettings {
  /** A hundred years: more looks back past any history and is taken for a typo. */
  static final int MAX_STATE_WINDOW_MONTHS = 1200;

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]+");

  private ChannelStateSettings() {}

  /** digital_first_share of {@code row} (null when the key is absent). */
  static BigDecimal digitalFirstShare(ConfigRow row) {
    String text = row == null ? null : row.optionalText("value");
    if (text == null) {
      return Settings.DEFAULT_DIGITAL_FIRST_SHARE;
    }
    String why = DecimalText.problem(text, DecimalText.DEFAULT_MAX_SCALE);
    if (why != null) {
      throw row.problem("digital_first_share " + ConfigRow.quote(text) + " " + why);
    }
    BigDecimal share = new BigDecimal(text);
    if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
      throw row.problem(
          "digital_first_share " + text
              + " must be above 0 and at most 1 (the online share from which a customer is"
              + " DIGITAL_FIRST: 0.8 = 80%)");
    }
    return share;
  }

  /** state_window_months of {@code row} (null when the key is absent). */
  static int stateWindowMonths(ConfigRow row) {
    String text = row == null ? null : row.optionalText("value");
    if (text == null) {
      return Settings.DEFAULT_STATE_WINDOW_MONTHS;
    }
    // Leading zeros are harmless; more than 5 digits is out of range anyway.
    String digits = text.replaceFirst("^0+(?=[0-9])", "");
    if (!WHOLE_NUMBER.matcher(text).matches()
        || digits.length() > 5
        || Integer.parseInt(digits) < 1
        || Integer.parseInt(digits) > MAX_STATE_WINDOW_MONTHS) {
      throw row.problem(
          "state_window_months " + ConfigRow.quote(text) + " is not a whole number of months from 1"
              + " to " + MAX_STATE_WINDOW_MONTHS + " (e.g. 12)");
    }
    return Integer.parseInt(digits);
  }
}
