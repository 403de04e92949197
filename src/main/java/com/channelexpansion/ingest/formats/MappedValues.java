package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.Parsed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Converts a mapped export's values to the canonical grammar before validation, so the validator
 * stays the one judge. Pure functions. A value that does not convert is passed on unchanged: it
 * then fails validation with the reason its field would have (invalid_timestamp,
 * invalid_number), unless it already follows the canonical grammar.
 */
final class MappedValues {
  private MappedValues() {}

  /**
   * A strict formatter for a mapping's pattern ({@code yyyy} read as the proleptic year, so
   * 31/02/2024 is an error rather than 29 Feb).
   *
   * @throws IllegalArgumentException when the pattern is not a java.time pattern
   */
  static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(yearOfEraAsYear(pattern))
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * The value in the canonical timestamp grammar: with an offset {@code 2024-03-01T10:15-05:00},
   * a local date-time {@code 2010-12-01T08:26}, a date {@code 2010-12-01}; unchanged when the
   * pattern does not parse it (or there is no pattern or value).
   */
  static String timestamp(String value, DateTimeFormatter formatter) {
    if (value == null || formatter == null) {
      return value;
    }
    try {
      TemporalAccessor parsed =
          formatter.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
      }
      if (parsed instanceof LocalDateTime t) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
      }
      return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) parsed);
    } catch (DateTimeParseException e) {
      return value;
    }
  }

  /** {@code 2,55} as {@code 2.55} when the mapping uses decimal commas; else unchanged. */
  static String number(String value, boolean decimalComma) {
    if (value == null || !decimalComma || value.indexOf('.') >= 0) {
      return value;
    }
    int comma = value.indexOf(',');
    if (comma < 0 || comma != value.lastIndexOf(',')) {
      return value;
    }
    return value.replace(',', '.');
  }

  /**
   * discount_amount from a fraction of the line: quantity * unit_price * fraction, exact, rounded
   * HALF_UP to 6 decimals only when longer (the canonical number grammar allows 6). An empty
   * fraction stays empty (no discount); when any of the three does not parse, the fraction is
   * passed on unchanged (a bad fraction then fails as invalid_number, a bad quantity or price
   * fails on its own).
   */
  static String discountFromFraction(String quantity, String unitPrice, String fraction) {
    if (fraction == null) {
      return null;
    }
    Parsed<BigDecimal> q = ExportNumbers.parseDecimal(quantity);
    Parsed<BigDecimal> p = ExportNumbers.parseDecimal(unitPrice);
    Parsed<BigDecimal> f = ExportNumbers.parseDecimal(fraction);
    if (!q.ok() || !p.ok() || !f.ok()) {
      return fraction;
    }
    BigDecimal discount = q.value().multiply(p.value()).multiply(f.value());
    if (discount.scale() > ExportNumbers.MAX_FRACTION_DIGITS) {
      discount = discount.setScale(ExportNumbers.MAX_FRACTION_DIGITS, RoundingMode.HALF_UP);
    }
    return discount.toPlainString();
  }

  /** Replaces pattern letter y (year of era) by u (year) outside quoted literals. */
  private static String yearOfEraAsYear(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }
}
