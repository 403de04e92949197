package com.channelexpansion.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SampleCalendarTest {

  @Test
  void threeYearsEndingOnTheEndDateWithTheLaunch18MonthsBefore() {
    SampleCalendar calendar = SampleCalendar.endingOn(LocalDate.of(2026, 10, 31));
    assertEquals(LocalDate.of(2023, 11, 1), calendar.start());
    // 2026-11-01 minus 18 months
    assertEquals(LocalDate.of(2025, 5, 1), calendar.programStart());
    assertEquals(LocalDate.of(2023, 10, 22), calendar.fxStart(), "10 days before the first order");
    // 2023-11-01 .. 2026-10-31: 365 + 366 (2024) + 365
    assertEquals(1096, calendar.days().size());
    assertEquals(36, calendar.months().size());
    assertEquals(YearMonth.of(2026, 10), calendar.months().get(35));
  }

  @Test
  void weekendsAreLightAndChristmasIsClosed() {
    assertEquals(1.0, SampleCalendar.volumeFactor(LocalDate.of(2025, 1, 15)), "a Wednesday");
    assertEquals(0.22, SampleCalendar.volumeFactor(LocalDate.of(2025, 1, 18)), "a Saturday");
    assertEquals(0.12, SampleCalendar.volumeFactor(LocalDate.of(2025, 1, 19)), "a Sunday");
    assertEquals(0.0, SampleCalendar.volumeFactor(LocalDate.of(2025, 12, 25)));
  }
}
