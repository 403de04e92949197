package com.channelexpansion.report.job;

import com.channelexpansion.commission.CommissionScenarios;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.Pilot;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.pages.MonthlyTables;
import com.channelexpansion.pages.PageModel;
import com.channelexpansion.pages.PageTable;
import com.channelexpansion.report.SummaryCsvWriter;
import com.channelexpansion.report.SummaryMetric;
import com.channelexpansion.valuecase.PilotRow;
import com.channelexpansion.valuecase.TeamBreakdowns;
import com.channelexpansion.valuecase.TeamSummary.TeamMetric;
import com.channelexpansion.valuecase.Teams;
import com.channelexpansion.valuecase.ValueCaseCsv;
import com.channelexpansion.valuecase.ValueCaseResult;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The executive pages' models (pages/PageModel) from the very rows the report writes to its CSVs,
 * so every number on a page equals the CSV's: the company page, and one page per team of
 * team_summary with the team's rows, reps, customers and pilots.
 */
final class ExecutivePageModels {
  private static final String TITLE = "Channel expansion";

  private final Definitions definitions;
  private final ReferenceData reference;
  private final LocalDate asOf;

  ExecutivePageModels(Definitions definitions, ReferenceData reference, LocalDate asOf) {
    this.definitions = definitions;
    this.reference = reference;
    this.asOf = asOf;
  }

  /** The company page (report.html). */
  PageModel company(
      List<SummaryMetric> metrics,
      Dataset<Row> revenueMonthly,
      Dataset<Row> customers,
      CommissionScenarios.Table scenarios,
      ValueCaseResult valueCase) {
    YearMonth asOfMonth = YearMonth.from(asOf);
    return new PageModel(
        TITLE,
        null,
        asOf,
        currency(),
        PageTable.of(List.of(SummaryCsvWriter.SUMMARY_HEADER), SummaryCsvWriter.executiveSummaryRows(metrics)),
        channelDefinitions(),
        MonthlyTables.revenueBySegmentAndChannel(revenueMonthly, asOfMonth),
        MonthlyTables.newCustomersByAcquisitionChannel(customers, asOfMonth),
        PageTable.of(
            ValueCaseCsv.STATE_TRANSITIONS_HEADER,
            ValueCaseCsv.stateTransitionCells(valueCase.stateTransitions())),
        PageTable.of(ValueCaseCsv.TEAM_SUMMARY_HEADER, ValueCaseCsv.teamSummaryCells(valueCase.teamSummary())),
        PageTable.of(scenarios.header(), scenarios.rows()),
        PageTable.of(
            ValueCaseCsv.PILOT_COMPARISON_HEADER,
            ValueCaseCsv.pilotComparisonCells(valueCase.pilotComparison())));
  }

  /** One page per team of team_summary, in its order. */
  List<PageModel> teams(CommissionScenarios.Table scenarios, ValueCaseResult valueCase) {
    Map<String, String> teamOfRep = Teams.byRep(reference.reps());
    TeamBreakdowns breakdowns = valueCase.teamBreakdowns();
    List<String> teams =
        valueCase.teamSummary().stream().map(TeamMetric::team).distinct().toList();
    List<PageModel> pages = new ArrayList<>();
    for (String team : teams) {
      Set<String> reps =
          teamOfRep.entrySet().stream()
              .filter(e -> e.getValue().equals(team))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      List<TeamMetric> summary =
          valueCase.teamSummary().stream().filter(m -> m.team().equals(team)).toList();
      pages.add(
          new PageModel(
              team,
              team,
              asOf,
              currency(),
              // The team's team_summary rows without the team column: the page's summary.
              PageTable.of(
                  ValueCaseCsv.TEAM_SUMMARY_HEADER.subList(1, ValueCaseCsv.TEAM_SUMMARY_HEADER.size()),
                  ValueCaseCsv.teamSummaryCells(summary).stream().map(row -> row.subList(1, row.size())).toList()),
              channelDefinitions(),
              PageTable.of(PageModel.REVENUE_MONTHLY_HEADER, breakdowns.revenueMonthly().getOrDefault(team, List.of())),
              PageTable.of(PageModel.NEW_CUSTOMERS_HEADER, breakdowns.newCustomers().getOrDefault(team, List.of())),
              PageTable.of(
                  ValueCaseCsv.STATE_TRANSITIONS_HEADER,
                  ValueCaseCsv.stateTransitionCells(breakdowns.transitions().getOrDefault(team, List.of()))),
              PageTable.of(ValueCaseCsv.TEAM_SUMMARY_HEADER, ValueCaseCsv.teamSummaryCells(summary)),
              PageTable.of(scenarios.header(), scenarios.rows()).where(row -> reps.contains(row.get(0))),
              PageTable.of(
                  ValueCaseCsv.PILOT_COMPARISON_HEADER,
                  ValueCaseCsv.pilotComparisonCells(pilotsOf(reps, valueCase.pilotComparison())))));
    }
    return pages;
  }

  /** The rows of the pilots one of {@code reps} sits in. */
  private List<PilotRow> pilotsOf(Set<String> reps, List<PilotRow> rows) {
    Set<String> pilots =
        definitions.pilots().stream()
            .filter(pilot -> pilot.repIds().stream().anyMatch(reps::contains))
            .map(Pilot::pilotId)
            .collect(Collectors.toSet());
    return rows.stream().filter(row -> pilots.contains(row.pilotId())).toList();
  }

  private PageTable channelDefinitions() {
    return PageTable.of(
        List.of(SummaryCsvWriter.CHANNEL_DEFINITIONS_HEADER),
        SummaryCsvWriter.channelDefinitionRows(definitions.channelDefinitions()));
  }

  private String currency() {
    return definitions.settings().reportingCurrency();
  }
}
