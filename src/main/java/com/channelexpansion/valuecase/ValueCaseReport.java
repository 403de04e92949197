package com.channelexpansion.valuecase;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.channelexpansion.commission.PlanRowMatcher;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.config.Settings;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.report.SummaryTotals;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.PersistedDatasets;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The value case (PRODUCT.md, "The value case: teams, customer channel states, a pilot against
 * its control"), recomputed every report from the counted lines: team_summary, the customers/
 * channel-state columns, channel_states_monthly/, state_transitions.csv and pilot_comparison.csv.
 *
 * <p>Spark work: the recent months' lines, cached; a per-customer history ({@link
 * CustomerHistory}, from every line, cached) feeds the states, the teams' customer counts and
 * the pilots' new customers. {@link #build} runs 4 actions (team totals, commissions/ rows, the year-earlier
 * month's partial commission terms, transitions) plus 2 when pilots.csv has a started pilot; writing {@link
 * ValueCaseResult#customerStates} and {@link ValueCaseResult#channelStatesMonthly} runs 2 more.
 */
public final class ValueCaseReport {
  /** The columns of the counted lines the value case reads. */
  private static final String[] COLUMNS_READ = {
    OrderLineColumns.CUSTOMER_ID, OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER,
    OrderLineColumns.ORDER_TIMESTAMP, OrderLineColumns.ORDER_DATE, OrderLineColumns.MONTH,
    OrderLineColumns.CHANNEL, OrderLineColumns.QUANTITY, OrderLineColumns.AMOUNT,
    OrderLineColumns.CREDITED_REP_ID
  };

  private ValueCaseReport() {}

  /**
   * @param creditedLines counted lines through as-of, credited ({@code RepCrediting.credit}):
   *     customer_id, order_id, line_number, order_timestamp, order_date, month, channel,
   *     quantity, amount, credited_rep_id
   * @param customers customers/ rows (customer_id, segment, first_order_date, acquisition_channel)
   * @param commissions commissions/ rows (month, rep_id, plan_id, commission), e.g. {@code
   *     CommissionEngine.tableOf(terms)}
   * @param partialYearEarlierTerms the commission terms of the year-earlier window's last month
   *     counted through its last day (the summary's, so both count that month alike)
   * @param definitions with settings (digital_first_share, state_window_months, baseline_plan),
   *     plans, tiers and pilots
   * @param reference reps (teams, the pilots' control)
   * @param persisted where the per-customer history it caches is recorded, for the report to
   *     unpersist once the outputs are written
   */
  public static ValueCaseResult build(
      Dataset<Row> creditedLines,
      Dataset<Row> customers,
      Dataset<Row> commissions,
      Dataset<Row> partialYearEarlierTerms,
      Definitions definitions,
      ReferenceData reference,
      LocalDate asOf,
      PersistedDatasets persisted) {
    ReportWindows windows = ReportWindows.of(asOf);
    Settings settings = definitions.settings();
    StateParameters parameters = StateParameters.of(windows, settings);
    // A customer's history needs every line (its acquisition line may be years old); its
    // aggregations read their columns from the warehouse, each pruned to what it sums. The other
    // parts read the recent months: those are kept once, not read per part. (Keeping every line
    // instead made a 10M night's build about 6 s slower: passes over 8M cached rows cost more
    // than pruned Parquet scans.)
    Dataset<Row> everyLine = creditedLines.select(Columns.named(COLUMNS_READ));
    Dataset<Row> history =
        persisted.keep(CustomerHistory.of(everyLine, customers, windows, parameters.firstMonthRead()));
    Column recent = col(OrderLineColumns.MONTH).geq(lit(firstMonthNeeded(parameters, definitions, asOf).toString()));
    Dataset<Row> lines = persisted.keep(everyLine.where(recent));
    List<String> planIds = PlanRowMatcher.planIdsInOrder(definitions.commissionPlans());
    RepCommissions repCommissions =
        RepCommissions.collect(commissions, partialYearEarlierTerms, windows);
    List<TeamSummary.TeamMetric> teamSummary =
        TeamSummary.rows(
            SummaryTotals.byWindowAndGroup(
                TeamSummary.teamFacts(lines, history, reference.reps(), windows), TeamSummary.TEAM),
            Teams.all(reference.reps()),
            Teams.byRep(reference.reps()),
            planIds,
            repCommissions,
            windows);
    List<StateTransition> transitions =
        StateTransition.collect(ChannelStateTables.transitions(history, parameters));
    String baseline =
        settings.baselinePlan() != null ? settings.baselinePlan() : planIds.isEmpty() ? null : planIds.get(0);
    List<PilotRow> pilots =
        PilotComparison.rows(
            definitions.pilots(), reference.reps(), lines, history, repCommissions, baseline, asOf);
    return new ValueCaseResult(
        teamSummary,
        ChannelStateTables.customerStates(history, parameters),
        ChannelStateTables.monthly(history, parameters),
        transitions,
        pilots,
        TeamBreakdowns.of(
            lines, customers, history, parameters, reference.reps(),
            parameters.firstMonthlyMonth(), parameters.asOfMonth()));
  }

  /**
   * The earliest month any part reads: the state windows of the 24 monthly months, the
   * year-earlier summary window, and each started pilot's before window.
   */
  private static YearMonth firstMonthNeeded(StateParameters parameters, Definitions definitions, LocalDate asOf) {
    YearMonth first = parameters.firstMonthRead();
    for (Pilot pilot : definitions.pilots()) {
      if (!pilot.startDate().isAfter(asOf)) {
        YearMonth before = YearMonth.from(PilotComparison.Windows.of(pilot.startDate(), asOf).beforeStart());
        first = before.isBefore(first) ? before : first;
      }
    }
    return first;
  }
}
