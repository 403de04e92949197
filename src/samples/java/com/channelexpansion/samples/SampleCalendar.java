package com.channelexpansion.samples;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates the sample story is built on: 3 years of history ending on {@code end}, the digital
 * program launched 18 months before the end, FX rates starting 10 days before the first order
 * (so every real order finds a rate).
 */
public record SampleCalendar(LocalDate start, LocalDate end, LocalDate programStart, LocalDate fxStart) {

  /** Business time zone written to settings.csv; timestamps without offset are local to it. */
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");

  public static SampleCalendar endingOn(LocalDate end) {
    LocalDate start = end.minusYears(3).plusDays(1);
    LocalDate programStart = end.plusDays(1).minusMonths(18);
    return new SampleCalendar(start, end, programStart, start.minusDays(10));
  }

  /** Every day of the order history, in order. */
  public List<LocalDate> days() {
    return start.datesUntil(end.plusDays(1)).toList();
  }

  /** Every month of the order history (the quota months). */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  public long daysSinceProgramStart(LocalDate day) {
    return ChronoUnit.DAYS.between(programStart, day);
  }

  public static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Relative order volume of a day: weekends are light, Christmas is closed. */
  public static double volumeFactor(LocalDate day) {
    if (day.getMonthValue() == 12 && day.getDayOfMonth() == 25) {
      return 0.0;
    }
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> 0.22;
      case SUNDAY -> 0.12;
      default -> 1.0;
    };
  }
}
