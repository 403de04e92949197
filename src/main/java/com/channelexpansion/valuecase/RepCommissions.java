package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.commission.CommissionColumns;
import com.channelexpansion.report.ReportWindows;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The monthly commissions of every (month, rep, plan) on the driver (a few rows per rep and
 * month), plus the year-earlier window's last month counted through that window's end, as the
 * summary counts it ("a window's last month counts through its last day, commission included").
 */
public final class RepCommissions {
  /** One commissions/ row, or with {@code partial} the year-earlier window's last month through its end. */
  public record Entry(YearMonth month, String repId, String planId, BigDecimal commission, boolean partial) {}

  private final List<Entry> entries;

  RepCommissions(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * Collects {@code commissions} (commissions/ rows: month, rep_id, plan_id, commission) and the
   * year-earlier window's last month through its end ({@code partialYearEarlierTerms}, the
   * monthly terms of that month's lines up to {@code windows.yearEarlierEnd()}).
   */
  public static RepCommissions collect(
      Dataset<Row> commissions, Dataset<Row> partialYearEarlierTerms, ReportWindows windows) {
    List<Entry> entries = new ArrayList<>();
    for (Row row : commissions
        .select(col(CommissionColumns.MONTH), col(CommissionColumns.REP_ID), col(CommissionColumns.PLAN_ID), col(CommissionColumns.COMMISSION))
        .collectAsList()) {
      entries.add(new Entry(YearMonth.parse(row.getString(0)), row.getString(1), row.getString(2), row.getDecimal(3), false));
    }
    YearMonth partialMonth = YearMonth.from(windows.yearEarlierEnd());
    for (Row row : partialYearEarlierTerms
        .select(col(CommissionColumns.REP_ID), col(CommissionColumns.PLAN_ID), col(CommissionColumns.COMMISSION))
        .collectAsList()) {
      entries.add(new Entry(partialMonth, row.getString(0), row.getString(1), row.getDecimal(2), true));
    }
    return new RepCommissions(entries);
  }

  /** Sum of the whole-month rows of {@code planId} whose rep and month pass the tests. */
  public BigDecimal sum(String planId, Predicate<String> rep, Predicate<YearMonth> month) {
    BigDecimal total = BigDecimal.ZERO;
    for (Entry entry : entries) {
      if (!entry.partial() && entry.planId().equals(planId) && rep.test(entry.repId()) && month.test(entry.month())) {
        total = total.add(entry.commission());
      }
    }
    return total;
  }

  /** A summary window's commission of {@code planId} for the reps that pass: months inside it. */
  public BigDecimal inWindow(String planId, Predicate<String> rep, ReportWindows windows, boolean ttm) {
    if (ttm) {
      YearMonth from = YearMonth.from(windows.ttmStart());
      YearMonth to = YearMonth.from(windows.ttmEnd());
      return sum(planId, rep, m -> !m.isBefore(from) && !m.isAfter(to));
    }
    YearMonth from = YearMonth.from(windows.yearEarlierStart());
    YearMonth last = YearMonth.from(windows.yearEarlierEnd());
    BigDecimal total = sum(planId, rep, m -> !m.isBefore(from) && m.isBefore(last));
    for (Entry entry : entries) {
      if (entry.partial() && entry.planId().equals(planId) && rep.test(entry.repId())) {
        total = total.add(entry.commission());
      }
    }
    return total;
  }
}
