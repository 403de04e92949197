package com.channelexpansion.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Every style writes the same Chicago local time; offsets follow daylight saving time. */
class TimestampStyleTest {

  private static final LocalDateTime WINTER = LocalDateTime.of(2025, 1, 15, 10, 23, 45, 123_456_789);
  private static final LocalDateTime SUMMER = LocalDateTime.of(2025, 7, 1, 22, 5, 0);

  @Test
  void localStylesWriteTheLocalTimeWithoutOffset() {
    assertEquals("2025-01-15T10:23:45", TimestampStyle.LOCAL_T.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-01-15 10:23:45", TimestampStyle.LOCAL_SPACE.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-01-15 10:23", TimestampStyle.LOCAL_MINUTES.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-01-15", TimestampStyle.DATE_ONLY.render(WINTER, SampleCalendar.ZONE));
  }

  @Test
  void offsetStylesUseTheZonesOffsetOfThatDay() {
    // January: CST = UTC-6; July: CDT = UTC-5.
    assertEquals("2025-01-15T10:23:45-06:00", TimestampStyle.OFFSET.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-01-15T10:23:45-0600", TimestampStyle.OFFSET_COMPACT.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-07-01T22:05:00-05:00", TimestampStyle.OFFSET.render(SUMMER, SampleCalendar.ZONE));
  }

  @Test
  void utcStylesShiftToUtcEvenAcrossMidnight() {
    // 10:23:45 CST + 6 h = 16:23:45Z; 22:05 CDT + 5 h = 03:05Z on the next UTC day.
    assertEquals("2025-01-15T16:23:45.123Z", TimestampStyle.UTC_MILLIS.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-01-15T16:23:45.123456789Z", TimestampStyle.UTC_NANOS.render(WINTER, SampleCalendar.ZONE));
    assertEquals("2025-07-02t03:05:00z", TimestampStyle.UTC_LOWER_CASE.render(SUMMER, SampleCalendar.ZONE));
  }

  @Test
  void updatedAtIsNeverABareDate() {
    assertEquals(TimestampStyle.LOCAL_SPACE, TimestampStyle.DATE_ONLY.forUpdatedAt());
    assertEquals(TimestampStyle.OFFSET, TimestampStyle.OFFSET.forUpdatedAt());
  }
}
