package com.channelexpansion.ingest.validate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp grammar of export values (PRODUCT.md, Precise rules, Timestamps):
 * {@code yyyy-MM-dd}, then optionally {@code T} or a space and {@code HH:mm[:ss[.fraction]]}, then
 * optionally {@code Z}, {@code +HH:MM} or {@code +HHMM} (or {@code -}). Letters may be either
 * case; up to 9 fraction digits, truncated to the microsecond.
 *
 * <p>A date alone means local midnight; a date with an offset but no time is invalid. Without an
 * offset the value is local time in the given zone, resolved like {@link ZonedDateTime#of}: a time
 * in a DST gap moves forward by the gap's length, a time in an overlap takes the earlier offset.
 * The result must lie in Spark's TIMESTAMP range (years 0001 to 9999, UTC). A text that does not
 * parse gets a problem for the reject's detail ("'2024-13-01' is not a timestamp (no such date,
 * time or offset)").
 */
public final class ExportTimestamps {
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})"
              + "(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\\.([0-9]{1,9}))?)?)?"
              + "([Zz]|[+-][0-9]{2}:?[0-9]{2})?");

  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  private ExportTimestamps() {}

  /**
   * Parses an export timestamp.
   *
   * @param text trimmed value; null or empty gives "empty"
   * @param zone zone of values without an offset
   * @return the instant (at most microsecond precision), or the problem when the text does not
   *     follow the grammar, names an impossible date, time or offset, or falls outside years
   *     0001-9999
   */
  public static Parsed<Instant> parse(String text, ZoneId zone) {
    if (text == null || text.isEmpty()) {
      return Parsed.invalid("empty");
    }
    String quoted = DetailText.quote(text);
    Matcher m = TIMESTAMP.matcher(text);
    if (!m.matches()) {
      return Parsed.invalid(quoted + " is not a timestamp");
    }
    boolean hasTime = m.group(4) != null;
    String offsetText = m.group(8);
    if (!hasTime && offsetText != null) {
      return Parsed.invalid(quoted + " has an offset but no time");
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      LocalTime time =
          hasTime
              ? LocalTime.of(
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                  microsAsNanos(m.group(7)))
              : LocalTime.MIDNIGHT;
      LocalDateTime local = LocalDateTime.of(date, time);
      Instant instant =
          offsetText == null
              ? ZonedDateTime.of(local, zone).toInstant()
              : local.toInstant(offset(offsetText));
      return instant.isBefore(MIN) || instant.isAfter(MAX)
          ? Parsed.invalid(quoted + " is outside years 0001-9999")
          : Parsed.of(instant);
    } catch (DateTimeException e) {
      // month 13, Feb 30, hour 24, second 60, offset beyond +-18:00, ...
      return Parsed.invalid(quoted + " is not a timestamp (no such date, time or offset)");
    }
  }

  /** Fraction digits to nanoseconds, keeping only the first 6 digits (truncation to micros). */
  private static int microsAsNanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String micros = (fraction.length() > 6 ? fraction.substring(0, 6) : fraction);
    return Integer.parseInt((micros + "000000").substring(0, 6)) * 1000;
  }

  private static ZoneOffset offset(String text) {
    if (text.equalsIgnoreCase("Z")) {
      return ZoneOffset.UTC;
    }
    int sign = text.charAt(0) == '-' ? -1 : 1;
    String digits = text.substring(1).replace(":", "");
    int hours = Integer.parseInt(digits.substring(0, 2));
    int minutes = Integer.parseInt(digits.substring(2, 4));
    if (minutes > 59) {
      throw new DateTimeException("offset minutes out of range: " + text);
    }
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
