package com.channelexpansion.samples;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The ways the source systems write a timestamp. All of them denote the same local time in the
 * business zone: the web shop writes UTC with {@code Z}, the app and punchout write the zone's
 * offset, the ERP writes local time without offset, EDI often sends a date alone (midnight).
 */
enum TimestampStyle {
  LOCAL_T("yyyy-MM-dd'T'HH:mm:ss"),
  LOCAL_SPACE("yyyy-MM-dd HH:mm:ss"),
  LOCAL_MINUTES("yyyy-MM-dd HH:mm"),
  DATE_ONLY("yyyy-MM-dd"),
  OFFSET("yyyy-MM-dd'T'HH:mm:ssxxx"),
  OFFSET_COMPACT("yyyy-MM-dd'T'HH:mm:ssxx"),
  UTC_MILLIS("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"),
  UTC_NANOS("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'"),
  UTC_LOWER_CASE("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private final DateTimeFormatter formatter;

  TimestampStyle(String pattern) {
    this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
  }

  /** Writes the local time {@code local} of {@code zone} in this style. */
  String render(LocalDateTime local, ZoneId zone) {
    ZonedDateTime zoned = local.atZone(zone);
    return switch (this) {
      case LOCAL_T, LOCAL_SPACE, LOCAL_MINUTES, DATE_ONLY -> formatter.format(local);
      case OFFSET, OFFSET_COMPACT -> formatter.format(zoned);
      case UTC_MILLIS, UTC_NANOS -> formatter.format(zoned.withZoneSameInstant(ZoneOffset.UTC));
      case UTC_LOWER_CASE ->
          formatter.format(zoned.withZoneSameInstant(ZoneOffset.UTC)).toLowerCase(Locale.ROOT);
    };
  }

  /** Style of updated_at for a line whose order_timestamp has this style (never a bare date). */
  TimestampStyle forUpdatedAt() {
    return this == DATE_ONLY ? LOCAL_SPACE : this;
  }
}
