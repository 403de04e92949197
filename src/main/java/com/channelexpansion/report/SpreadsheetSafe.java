package com.channelexpansion.report;

import java.util.regex.Pattern;

/**
 * Neutralizes spreadsheet formulas in CSV cells meant for Excel (CSV injection).
 *
 * <p>A cell whose first character is {@code = + - @}, a tab or a carriage return is prefixed with
 * an apostrophe, so a spreadsheet shows it as text instead of evaluating it. Tab and CR are
 * included as OWASP advises (some spreadsheets skip them and then see the formula). Plain numbers
 * ({@code -12.50}, {@code +3}) are left alone so the numbers stay numbers.
 */
public final class SpreadsheetSafe {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private SpreadsheetSafe() {}

  /** {@code value} made safe to open in a spreadsheet; null stays null (an empty cell). */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    boolean risky =
        first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
            || first == '\r';
    if (risky && !PLAIN_NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }
}
