package com.channelexpansion.valuecase;

import com.channelexpansion.config.Settings;
import com.channelexpansion.report.ReportWindows;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the channel-state functions need, small and serializable so Spark ships it to the
 * executors.
 *
 * @param asOf the as-of date; its month is the state "now" (through as-of)
 * @param ttmStart and {@code yearEarlierStart}, {@code yearEarlierEnd}: the summary windows
 *     ({@link ReportWindows}); the year-earlier state ends with yearEarlierEnd's month, counted
 *     through that day
 */
public record StateParameters(
    LocalDate asOf,
    LocalDate ttmStart,
    LocalDate yearEarlierStart,
    LocalDate yearEarlierEnd,
    int windowMonths,
    BigDecimal digitalFirstShare)
    implements Serializable {
  /** channel_states_monthly covers this many months, ending with the as-of month. */
  public static final int MONTHLY_MONTHS = 24;

  public static StateParameters of(ReportWindows windows, Settings settings) {
    return new StateParameters(
        windows.asOf(),
        windows.ttmStart(),
        windows.yearEarlierStart(),
        windows.yearEarlierEnd(),
        settings.stateWindowMonths(),
        settings.digitalFirstShare());
  }

  public YearMonth asOfMonth() {
    return YearMonth.from(asOf);
  }

  public YearMonth yearEarlierMonth() {
    return YearMonth.from(yearEarlierEnd);
  }

  /** The first month of channel_states_monthly. */
  public YearMonth firstMonthlyMonth() {
    return asOfMonth().minusMonths(MONTHLY_MONTHS - 1L);
  }

  /** The earliest month any output reads: the state window of the first monthly month. */
  public YearMonth firstMonthRead() {
    YearMonth stateWindowStart = firstMonthlyMonth().minusMonths(windowMonths - 1L);
    YearMonth yearEarlierStartMonth = YearMonth.from(yearEarlierStart);
    return stateWindowStart.isBefore(yearEarlierStartMonth) ? stateWindowStart : yearEarlierStartMonth;
  }
}
