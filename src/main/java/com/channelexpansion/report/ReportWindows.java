package com.channelexpansion.report;

import java.time.LocalDate;

/**
 * The two windows the executive summary compares ("Time and windows" in PRODUCT.md), inclusive
 * at both ends.
 *
 * <p>TTM: the 12 calendar months ending with the as-of month, that month counted through the
 * as-of date. Year-earlier: the same 12 months a year before, its last month counted through the
 * same day of month (Feb 29 becomes Feb 28, so an as-of of 2029-02-28 compares with a window
 * ending 2028-02-28). The windows never overlap.
 *
 * @param asOf the as-of date
 * @param ttmStart first day of the month 11 months before the as-of month
 * @param ttmEnd the as-of date
 * @param yearEarlierStart ttmStart one year earlier
 * @param yearEarlierEnd the as-of date one year earlier (Feb 29 becomes Feb 28)
 */
public record ReportWindows(
    LocalDate asOf,
    LocalDate ttmStart,
    LocalDate ttmEnd,
    LocalDate yearEarlierStart,
    LocalDate yearEarlierEnd) {

  /** The windows of {@code asOf}. */
  public static ReportWindows of(LocalDate asOf) {
    if (asOf == null) {
      throw new IllegalArgumentException("Cannot compute report windows: as-of date is null");
    }
    LocalDate ttmStart = asOf.withDayOfMonth(1).minusMonths(11);
    // LocalDate.minusYears clamps Feb 29 to Feb 28 in a non-leap year.
    return new ReportWindows(asOf, ttmStart, asOf, ttmStart.minusYears(1), asOf.minusYears(1));
  }
}
