package com.channelexpansion.pages;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything one executive page shows, as the tables the report writes (see {@link PageTable}):
 * the company page (report.html) or one team's page (teams/&lt;team&gt;.html).
 *
 * <p>What the report fills, from the same in-memory rows it writes to the CSVs and Parquet:
 *
 * @param title the page's heading: the company page's title, or the team's name
 * @param team the team's name as in team_summary.csv; null on the company page
 * @param asOf the report's as-of date
 * @param reportingCurrency ISO code the money columns are in (settings reporting_currency)
 * @param summary executive_summary.csv (company) or the team's rows of team_summary.csv: columns
 *     metric, ttm, year_earlier, change at least; the headline reads new_online_customers,
 *     new_online_revenue, channel_shift_revenue and core_sales_revenue from it
 * @param channelDefinitions channel_definitions.csv: the definitions in force
 * @param revenueMonthly {@link #REVENUE_MONTHLY_HEADER}: revenue_monthly/ summed over regions for
 *     the 24 months ending with the as-of month (for a team: the team's lines), see
 *     {@link MonthlyTables#revenueBySegmentAndChannel}
 * @param newCustomersMonthly {@link #NEW_CUSTOMERS_HEADER}: customers/ counted by month of
 *     first_order_date and acquisition_channel, same 24 months (for a team: its customers), see
 *     {@link MonthlyTables#newCustomersByAcquisitionChannel}
 * @param stateTransitions state_transitions.csv (for a team: its customers' rows, or an empty
 *     table when the report has none per team)
 * @param teamSummary team_summary.csv (for a team: its own rows)
 * @param commissionScenarios commission_scenarios.csv, every rep (for a team: its reps' rows)
 * @param pilotComparison pilot_comparison.csv (for a team: the pilots its reps sit in, or empty)
 */
public record PageModel(
    String title,
    String team,
    LocalDate asOf,
    String reportingCurrency,
    PageTable summary,
    PageTable channelDefinitions,
    PageTable revenueMonthly,
    PageTable newCustomersMonthly,
    PageTable stateTransitions,
    PageTable teamSummary,
    PageTable commissionScenarios,
    PageTable pilotComparison) {
  public static final List<String> REVENUE_MONTHLY_HEADER =
      List.of("month", "segment", "order_channel", "net_revenue");
  public static final List<String> NEW_CUSTOMERS_HEADER =
      List.of("month", "acquisition_channel", "customers");
  static final List<String> SUMMARY_COLUMNS = List.of("metric", "ttm", "year_earlier", "change");

  public PageModel {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(reportingCurrency, "reportingCurrency");
    requireColumns("summary", summary, SUMMARY_COLUMNS);
    requireColumns("channelDefinitions", channelDefinitions, List.of("order_source", "channel_group"));
    requireColumns("revenueMonthly", revenueMonthly, REVENUE_MONTHLY_HEADER);
    requireColumns("newCustomersMonthly", newCustomersMonthly, NEW_CUSTOMERS_HEADER);
    requireColumns("stateTransitions", stateTransitions, List.of("segment", "from_state", "to_state"));
    requireColumns("teamSummary", teamSummary, List.of("team", "metric", "ttm"));
    requireColumns("commissionScenarios", commissionScenarios, List.of("rep_id", "rep_name"));
    requireColumns("pilotComparison", pilotComparison, List.of("pilot_id", "metric", "lift"));
  }

  /** Whether this is a team's page (else the company's). */
  public boolean isTeamPage() {
    return team != null;
  }

  private static void requireColumns(String name, PageTable table, List<String> columns) {
    Objects.requireNonNull(table, name);
    for (String column : columns) {
      if (!table.hasColumn(column)) {
        throw new IllegalArgumentException(
            String.format(
                "Cannot build a page: table %s lacks column %s (header %s)",
                name, column, table.header()));
      }
    }
  }
}
