package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.Rep;
import com.channelexpansion.config.Segment;
import com.channelexpansion.report.CustomerMonths;
import com.channelexpansion.report.ExecutiveSummary;
import com.channelexpansion.report.ExecutiveSummary.WindowTotals;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.report.SummaryMetric;
import com.channelexpansion.report.SummaryTotals;
import com.channelexpansion.warehouse.Customers;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * team_summary (PRODUCT.md, "Teams"): each executive metric but commission_on_online_* and
 * refunds_not_netted per team, by the same code as the company's ({@link
 * ExecutiveSummary#metrics}), then commission_&lt;plan_id&gt; per plan.
 *
 * <p>Revenue metrics, shares and averages read the team's lines (team of the credited rep);
 * customer counts and the repeat rate read the team's customers (team of the rep credited with
 * the acquisition line), their orders counted whatever their team. Facts are one row per
 * (window, team, customer) with lines, so a customer won in a window is counted on its own
 * team's row: that team holds its acquisition line, which lies in the window.
 */
public final class TeamSummary {
  public static final String TEAM = "team";
  static final String CUSTOMER_TEAM = "customer_team";
  private static final String HAS_ONLINE_LINE = "has_online_line";
  private static final String HAS_ASSISTED_LINE = "has_assisted_line";

  /** A row of team_summary: one metric of one team. */
  public record TeamMetric(String team, String metric, BigDecimal ttm, BigDecimal yearEarlier, BigDecimal change) {}

  private TeamSummary() {}

  /**
   * The facts {@link SummaryTotals#byWindowAndGroup} sums per team.
   *
   * @param history {@link CustomerHistory}
   */
  public static Dataset<Row> teamFacts(
      Dataset<Row> creditedLines, Dataset<Row> history, List<Rep> reps, ReportWindows windows) {
    Column date = col(OrderLineColumns.ORDER_DATE);
    Column window =
        when(date.between(lit(windows.ttmStart()), lit(windows.ttmEnd())), lit(CustomerMonths.TTM))
            .when(
                date.between(lit(windows.yearEarlierStart()), lit(windows.yearEarlierEnd())),
                lit(CustomerMonths.YEAR_EARLIER));
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column amount = col(OrderLineColumns.AMOUNT);
    Column orderId = col(OrderLineColumns.ORDER_ID);
    Column zero = lit(BigDecimal.ZERO);
    // Per order first, then per customer: distinct orders counted without collecting sets (a
    // set in the aggregation made Spark sort every line of the two windows).
    Dataset<Row> perTeamCustomer =
        creditedLines
            .withColumn(ExecutiveSummary.WINDOW, window)
            .where(col(ExecutiveSummary.WINDOW).isNotNull())
            .withColumn(TEAM, Teams.ofRep(col(OrderLineColumns.CREDITED_REP_ID), reps))
            .groupBy(col(ExecutiveSummary.WINDOW), col(TEAM), col(OrderLineColumns.CUSTOMER_ID), orderId)
            .agg(
                sum(when(online, amount).otherwise(zero)).cast(OrderLineColumns.SUM_TYPE).as(SummaryTotals.ONLINE_AMOUNT),
                sum(when(not(online), amount).otherwise(zero)).cast(OrderLineColumns.SUM_TYPE).as(SummaryTotals.ASSISTED_AMOUNT),
                max(online).as(HAS_ONLINE_LINE),
                max(not(online)).as(HAS_ASSISTED_LINE))
            .groupBy(col(ExecutiveSummary.WINDOW), col(TEAM), col(OrderLineColumns.CUSTOMER_ID))
            .agg(
                sum(col(SummaryTotals.ONLINE_AMOUNT)).cast(OrderLineColumns.SUM_TYPE).as(SummaryTotals.ONLINE_AMOUNT),
                sum(col(SummaryTotals.ASSISTED_AMOUNT)).cast(OrderLineColumns.SUM_TYPE).as(SummaryTotals.ASSISTED_AMOUNT),
                count(when(col(HAS_ONLINE_LINE), lit(1))).as(SummaryTotals.ONLINE_ORDERS),
                count(when(col(HAS_ASSISTED_LINE), lit(1))).as(SummaryTotals.ASSISTED_ORDERS));
    Dataset<Row> customers =
        history.select(
            col(CustomerHistory.CUSTOMER_ID),
            col(CustomerHistory.SEGMENT),
            col(CustomerHistory.FIRST_ORDER_DATE),
            when(col(CustomerHistory.ACQUISITION_REP_ID).isNotNull(),
                    Teams.ofRep(col(CustomerHistory.ACQUISITION_REP_ID), reps))
                .as(CUSTOMER_TEAM),
            col(CustomerHistory.POSITIVE_ORDERS_TTM),
            col(CustomerHistory.POSITIVE_ORDERS_YEAR_EARLIER));
    Column ttm = col(ExecutiveSummary.WINDOW).equalTo(lit(CustomerMonths.TTM));
    Column firstOrder = col(CustomerHistory.FIRST_ORDER_DATE);
    Column wonInWindow =
        when(ttm, firstOrder.between(lit(windows.ttmStart()), lit(windows.ttmEnd())))
            .otherwise(firstOrder.between(lit(windows.yearEarlierStart()), lit(windows.yearEarlierEnd())));
    return perTeamCustomer
        .join(customers, new String[] {OrderLineColumns.CUSTOMER_ID}, "left")
        .select(
            col(ExecutiveSummary.WINDOW),
            col(TEAM),
            when(Customers.isIdentified(col(OrderLineColumns.CUSTOMER_ID)), col(CustomerHistory.SEGMENT))
                .otherwise(lit(Segment.UNIDENTIFIED.name()))
                .as(CustomerHistory.SEGMENT),
            coalesce(wonInWindow.and(col(TEAM).equalTo(col(CUSTOMER_TEAM))), lit(false))
                .as(SummaryTotals.WON_IN_WINDOW),
            col(SummaryTotals.ONLINE_AMOUNT),
            col(SummaryTotals.ASSISTED_AMOUNT),
            col(SummaryTotals.ONLINE_ORDERS),
            col(SummaryTotals.ASSISTED_ORDERS),
            coalesce(
                    when(ttm, col(CustomerHistory.POSITIVE_ORDERS_TTM))
                        .otherwise(col(CustomerHistory.POSITIVE_ORDERS_YEAR_EARLIER)),
                    lit(0L))
                .as(SummaryTotals.POSITIVE_ORDERS));
  }

  /**
   * The rows of team_summary: every team of {@code teams} (already in code-point order), each
   * with every metric, in the executive summary's order, then commission_&lt;plan_id&gt; per plan.
   */
  public static List<TeamMetric> rows(
      Map<String, Map<String, WindowTotals>> totals,
      List<String> teams,
      Map<String, String> teamByRep,
      List<String> planIds,
      RepCommissions commissions,
      ReportWindows windows) {
    List<TeamMetric> rows = new ArrayList<>();
    for (String team : teams) {
      Map<String, WindowTotals> byWindow = totals.getOrDefault(team, Map.of());
      for (SummaryMetric metric :
          ExecutiveSummary.metrics(
              byWindow.getOrDefault(CustomerMonths.TTM, WindowTotals.EMPTY),
              byWindow.getOrDefault(CustomerMonths.YEAR_EARLIER, WindowTotals.EMPTY))) {
        rows.add(new TeamMetric(team, metric.metric(), metric.ttm(), metric.yearEarlier(), metric.change()));
      }
      for (String planId : planIds) {
        BigDecimal now = commissions.inWindow(planId, rep -> team.equals(teamByRep.get(rep)), windows, true);
        BigDecimal before = commissions.inWindow(planId, rep -> team.equals(teamByRep.get(rep)), windows, false);
        rows.add(
            new TeamMetric(
                team, "commission_" + planId, now.setScale(2), before.setScale(2), change(now, before)));
      }
    }
    return rows;
  }

  /** now / before - 1 from unrounded values, HALF_UP to 4 decimals; null when before is 0. */
  static BigDecimal change(BigDecimal now, BigDecimal before) {
    if (now == null || before == null || before.signum() == 0) {
      return null;
    }
    return now.divide(before, MathContext.DECIMAL128).subtract(BigDecimal.ONE).setScale(4, RoundingMode.HALF_UP);
  }
}
