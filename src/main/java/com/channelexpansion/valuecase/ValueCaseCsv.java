package com.channelexpansion.valuecase;

import com.channelexpansion.report.SummaryCsvWriter;
import com.channelexpansion.valuecase.TeamSummary.TeamMetric;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes team_summary.csv, state_transitions.csv and pilot_comparison.csv like the other
 * executive CSVs ({@link SummaryCsvWriter#writeTable}: Commons CSV, CRLF, plain decimals, empty
 * cells for null, spreadsheet-safe cells), rows in the order given (already sorted).
 */
public final class ValueCaseCsv {
  public static final String TEAM_SUMMARY = "team_summary.csv";
  public static final String STATE_TRANSITIONS = "state_transitions.csv";
  public static final String PILOT_COMPARISON = "pilot_comparison.csv";

  public static final List<String> TEAM_SUMMARY_HEADER =
      List.of("team", "metric", "ttm", "year_earlier", "change");
  public static final List<String> STATE_TRANSITIONS_HEADER =
      List.of("segment", "from_state", "to_state", "customers", "revenue_year_earlier", "revenue_ttm", "change");
  public static final List<String> PILOT_COMPARISON_HEADER =
      List.of(
          "pilot_id", "metric", "pilot_before", "pilot_after", "pilot_change", "control_before",
          "control_after", "control_change", "lift");

  private ValueCaseCsv() {}

  public static void writeTeamSummary(List<TeamMetric> rows, Writer out) throws IOException {
    SummaryCsvWriter.writeTable(TEAM_SUMMARY_HEADER, teamSummaryCells(rows), out);
  }

  public static void writeStateTransitions(List<StateTransition> rows, Writer out) throws IOException {
    SummaryCsvWriter.writeTable(STATE_TRANSITIONS_HEADER, stateTransitionCells(rows), out);
  }

  /** With no pilot (no pilots.csv, or none started), the header alone. */
  public static void writePilotComparison(List<PilotRow> rows, Writer out) throws IOException {
    SummaryCsvWriter.writeTable(PILOT_COMPARISON_HEADER, pilotComparisonCells(rows), out);
  }

  /** team_summary.csv's cells, as written (the executive pages show the same cells). */
  public static List<List<Object>> teamSummaryCells(List<TeamMetric> rows) {
    List<List<Object>> cells = new ArrayList<>();
    for (TeamMetric row : rows) {
      cells.add(Arrays.asList(row.team(), row.metric(), row.ttm(), row.yearEarlier(), row.change()));
    }
    return cells;
  }

  /** state_transitions.csv's cells, as written. */
  public static List<List<Object>> stateTransitionCells(List<StateTransition> rows) {
    List<List<Object>> cells = new ArrayList<>();
    for (StateTransition row : rows) {
      cells.add(
          Arrays.asList(
              row.segment(), row.fromState(), row.toState(), Long.toString(row.customers()),
              row.revenueYearEarlier(), row.revenueTtm(), row.change()));
    }
    return cells;
  }

  /** pilot_comparison.csv's cells, as written. */
  public static List<List<Object>> pilotComparisonCells(List<PilotRow> rows) {
    List<List<Object>> cells = new ArrayList<>();
    for (PilotRow row : rows) {
      cells.add(
          Arrays.asList(
              row.pilotId(), row.metric(), row.pilotBefore(), row.pilotAfter(), row.pilotChange(),
              row.controlBefore(), row.controlAfter(), row.controlChange(), row.lift()));
    }
    return cells;
  }
}
