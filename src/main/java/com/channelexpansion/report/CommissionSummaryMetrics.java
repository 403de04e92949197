package com.channelexpansion.report;

import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.PlanRowMatcher;
import com.channelexpansion.config.CommissionPlanRow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The executive summary's commission_on_online_&lt;plan&gt; rows, for both windows, from the
 * monthly commission terms: a window's whole months are their terms, and the year-earlier
 * window's last month, counted only through its last day, has terms of its own (TTM's last month
 * is as-of's, already counted through as-of).
 */
public final class CommissionSummaryMetrics {
  private CommissionSummaryMetrics() {}

  /**
   * @param terms the monthly terms of every month through as-of
   * @param yearEarlierLastMonthTerms the terms of the year-earlier window's last month through
   *     its end
   */
  public static List<SummaryMetric> of(
      Dataset<Row> terms,
      Dataset<Row> yearEarlierLastMonthTerms,
      List<CommissionPlanRow> plans,
      ReportWindows windows) {
    List<String> planIds = PlanRowMatcher.planIdsInOrder(plans);
    Map<String, BigDecimal> ttm =
        CommissionEngine.onlineCommissionOfMonths(
            terms, YearMonth.from(windows.ttmStart()), YearMonth.from(windows.ttmEnd()), planIds);
    Map<String, BigDecimal> yearEarlier =
        CommissionEngine.onlineCommissionOfMonths(
            terms,
            YearMonth.from(windows.yearEarlierStart()),
            YearMonth.from(windows.yearEarlierEnd()).minusMonths(1),
            planIds);
    CommissionEngine.onlineCommissionOfTerms(yearEarlierLastMonthTerms, planIds)
        .forEach((plan, value) -> yearEarlier.merge(plan, value, BigDecimal::add));
    List<SummaryMetric> metrics = new ArrayList<>();
    ttm.forEach(
        (plan, now) ->
            metrics.add(
                ExecutiveSummary.money(
                    "commission_on_online_" + plan,
                    "Commission plan '"
                        + plan
                        + "' would pay on online orders in the window: each online line's rate"
                        + " times its amount times its rep's monthly tier multiplier, summed over"
                        + " reps and months.",
                    now,
                    yearEarlier.get(plan))));
    return metrics;
  }
}
