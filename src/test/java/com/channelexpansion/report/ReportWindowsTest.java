package com.channelexpansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** TTM and year-earlier windows ("Time and windows" in PRODUCT.md). */
class ReportWindowsTest {

  @Test
  void midMonthAsOf() {
    // as-of month March 2025 counts through the 15th; 11 months before it start April 2024.
    assertWindows("2025-03-15", "2024-04-01", "2025-03-15", "2023-04-01", "2024-03-15");
  }

  @Test
  void yearEndAsOfIsTheCalendarYear() {
    assertWindows("2025-12-31", "2025-01-01", "2025-12-31", "2024-01-01", "2024-12-31");
  }

  @Test
  void leapDayAsOfComparesWithFebruary28() {
    // 2027 has no Feb 29: the year-earlier February counts through the 28th (its last day).
    assertWindows("2028-02-29", "2027-03-01", "2028-02-29", "2026-03-01", "2027-02-28");
  }

  @Test
  void asOfFebruary28AfterALeapYearLeavesFebruary29OutOfBothWindows() {
    // Same day of month a year before = 2028-02-28; TTM starts 2028-03-01: Feb 29, 2028 is in
    // neither window.
    ReportWindows windows =
        assertWindows("2029-02-28", "2028-03-01", "2029-02-28", "2027-03-01", "2028-02-28");
    LocalDate leapDay = LocalDate.parse("2028-02-29");
    assertFalse(inTtm(windows, leapDay));
    assertFalse(inYearEarlier(windows, leapDay));
    assertTrue(inYearEarlier(windows, LocalDate.parse("2028-02-28")));
    assertTrue(inTtm(windows, LocalDate.parse("2028-03-01")));
  }

  @Test
  void firstOfJanuary() {
    // as-of month January 2026 through the 1st; TTM from February 2025.
    assertWindows("2026-01-01", "2025-02-01", "2026-01-01", "2024-02-01", "2025-01-01");
  }

  private static ReportWindows assertWindows(
      String asOf, String ttmStart, String ttmEnd, String earlierStart, String earlierEnd) {
    ReportWindows windows = ReportWindows.of(LocalDate.parse(asOf));
    assertEquals(LocalDate.parse(ttmStart), windows.ttmStart(), "TTM start");
    assertEquals(LocalDate.parse(ttmEnd), windows.ttmEnd(), "TTM end");
    assertEquals(LocalDate.parse(earlierStart), windows.yearEarlierStart(), "year-earlier start");
    assertEquals(LocalDate.parse(earlierEnd), windows.yearEarlierEnd(), "year-earlier end");
    return windows;
  }

  /** Whether the report counts {@code date} in the TTM window: between its bounds, inclusive. */
  private static boolean inTtm(ReportWindows windows, LocalDate date) {
    return !date.isBefore(windows.ttmStart()) && !date.isAfter(windows.ttmEnd());
  }

  /** Whether the report counts {@code date} in the year-earlier window, bounds included. */
  private static boolean inYearEarlier(ReportWindows windows, LocalDate date) {
    return !date.isBefore(windows.yearEarlierStart()) && !date.isAfter(windows.yearEarlierEnd());
  }
}
