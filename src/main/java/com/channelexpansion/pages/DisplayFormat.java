package com.channelexpansion.pages;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a CSV cell is shown to a person: the same digits with thousands separators (never rounded,
 * so the page still says what the CSV says), ratios and changes as percentages (0.1234 shows as
 * 12.34%, exactly), money in the headline with its currency code.
 */
final class DisplayFormat {
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  /** Columns that hold a change or a difference of changes: always a ratio. */
  private static final Set<String> CHANGE_COLUMNS =
      Set.of("change", "lift", "pilot_change", "control_change");
  /** Columns whose unit is that of the row's metric. */
  private static final Set<String> METRIC_VALUE_COLUMNS =
      Set.of("ttm", "year_earlier", "pilot_before", "pilot_after", "control_before", "control_after");

  /** What a metric id measures, which decides how its values are shown. */
  enum Kind {
    MONEY,
    COUNT,
    RATIO;

    static Kind ofMetric(String metric) {
      if (metric.endsWith("_share") || metric.endsWith("_rate")) {
        return RATIO;
      }
      return metric.contains("customers") ? COUNT : MONEY;
    }
  }

  private DisplayFormat() {}

  static boolean isNumber(String text) {
    return PLAIN_NUMBER.matcher(text).matches();
  }

  /** A cell of {@code column}; {@code metric} is the row's metric id, or null in a table without one. */
  static String cell(String column, String metric, String text) {
    if (!isNumber(text)) {
      return text;
    }
    if (CHANGE_COLUMNS.contains(column) || column.endsWith("_change")) {
      return signedPercent(text);
    }
    if (metric != null && METRIC_VALUE_COLUMNS.contains(column) && Kind.ofMetric(metric) == Kind.RATIO) {
      return percent(text);
    }
    if (column.endsWith("_share")) {
      return percent(text);
    }
    return column.startsWith("delta_") ? signed(grouped(text)) : grouped(text);
  }

  /** {@code 1234567.80} as {@code 1,234,567.80}; the fraction is kept digit for digit. */
  static String grouped(String text) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    int point = digits.indexOf('.');
    String whole = point < 0 ? digits : digits.substring(0, point);
    String fraction = point < 0 ? "" : digits.substring(point);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + out + fraction;
  }

  /** A ratio as a percentage: {@code 0.1234} as {@code 12.34%} (the decimal point moved, no rounding). */
  static String percent(String ratio) {
    return grouped(new BigDecimal(ratio).movePointRight(2).toPlainString()) + "%";
  }

  /** A change as a signed percentage: {@code 0.05} as {@code +5%}, {@code -0.1} as {@code -10%}. */
  static String signedPercent(String ratio) {
    return signed(percent(ratio));
  }

  /** Money in the reporting currency, e.g. {@code USD 1,234.50}; empty stays empty. */
  static String money(String currency, String amount) {
    return amount.isEmpty() ? "" : currency + " " + grouped(amount);
  }

  /** A value of {@code metric} for the headline: money with its currency, a count, or a percentage. */
  static String metricValue(String metric, String currency, String text) {
    if (text.isEmpty()) {
      return "n/a";
    }
    return switch (Kind.ofMetric(metric)) {
      case MONEY -> money(currency, text);
      case COUNT -> grouped(text);
      case RATIO -> percent(text);
    };
  }

  private static String signed(String text) {
    return text.startsWith("-") || isZero(text) ? text : "+" + text;
  }

  private static boolean isZero(String text) {
    return text.chars().noneMatch(c -> c >= '1' && c <= '9');
  }
}
