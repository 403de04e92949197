package com.channelexpansion.config;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data record of a {@link ConfigCsvFile}, with typed getters that follow PRODUCT.md's value
 * rules and fail with {@code "file line N: problem"}. Values are already trimmed; a column the
 * header lacks reads as empty (only optional columns can be absent: required ones are checked
 * when the file is read).
 */
public final class ConfigRow {

  /** Example shown when a date does not parse. */
  static final String DATE_HINT = "expected yyyy-MM-dd, e.g. 2024-07-01";

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

  private final String fileName;
  private final long line;
  private final Map<String, Integer> columns;
  private final List<String> values;

  ConfigRow(String fileName, long line, Map<String, Integer> columns, List<String> values) {
    this.fileName = fileName;
    this.line = line;
    this.columns = columns;
    this.values = List.copyOf(values);
  }

  /** Name of the file the row comes from. */
  public String fileName() {
    return fileName;
  }

  /** Physical line (1-based) where the record starts. */
  public long line() {
    return line;
  }

  /** A problem with this row, as an exception ready to throw. */
  public ConfigurationException problem(String problem) {
    return ConfigurationException.at(fileName, line, problem);
  }

  /** The trimmed value; empty when the value is empty or the header lacks the column. */
  public String text(String column) {
    Integer index = columns.get(column);
    return index == null ? "" : values.get(index);
  }

  /** The trimmed value, or null when empty. */
  public String optionalText(String column) {
    String value = text(column);
    return value.isEmpty() ? null : value;
  }

  /** The trimmed value; empty is an error. */
  public String requiredText(String column) {
    String value = text(column);
    if (value.isEmpty()) {
      throw problem(column + " is empty");
    }
    return value;
  }

  /** A code (case is ignored): the trimmed value upper-cased; empty is an error. */
  public String requiredCode(String column) {
    return requiredText(column).toUpperCase(Locale.ROOT);
  }

  /** A yyyy-MM-dd date, or null when empty. */
  public LocalDate optionalDate(String column) {
    String value = text(column);
    if (value.isEmpty()) {
      return null;
    }
    LocalDate date = parseDate(value);
    if (date == null) {
      throw problem(column + " " + quote(value) + " is not a date (" + DATE_HINT + ")");
    }
    return date;
  }

  /** A yyyy-MM-dd date; empty is an error. */
  public LocalDate requiredDate(String column) {
    requiredText(column);
    return optionalDate(column);
  }

  /** A yyyy-MM month, returned as that text; empty is an error. */
  public String requiredMonth(String column) {
    String value = requiredText(column);
    if (parseMonth(value) == null) {
      throw problem(column + " " + quote(value) + " is not a month (expected yyyy-MM, e.g. 2024-07)");
    }
    return value;
  }

  /** A number by {@link DecimalText}'s grammar with at most {@code maxScale} decimals. */
  public BigDecimal requiredDecimal(String column, int maxScale) {
    String value = requiredText(column);
    String why = DecimalText.problem(value, maxScale);
    if (why != null) {
      throw problem(column + " " + quote(value) + " " + why);
    }
    return new BigDecimal(value);
  }

  /** A boolean: true/false, yes/no, 1/0 in any case; empty = false. */
  public boolean bool(String column) {
    String value = text(column);
    Boolean parsed = parseBoolean(value);
    if (parsed == null) {
      throw problem(column + " " + quote(value) + " is not true/false (also accepted: yes/no, 1/0)");
    }
    return parsed;
  }

  /** true/false, yes/no, 1/0 in any case; empty = false; anything else null. */
  static Boolean parseBoolean(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "0":
      case "":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** A strict yyyy-MM-dd date, or null. */
  static LocalDate parseDate(String value) {
    if (!DATE.matcher(value).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A strict yyyy-MM month, or null. */
  static YearMonth parseMonth(String value) {
    if (!MONTH.matcher(value).matches()) {
      return null;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A value in double quotes for messages, so empty or odd values stay visible. */
  static String quote(String value) {
    return "\"" + value + "\"";
  }
}
