package com.channelexpansion.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order reps are shown in on a page: biggest gain first under the first alternative plan
 * (the first delta_ column), biggest loss last, ties by rep_id; with one plan only (no delta
 * column), by commission, highest first. Every row of commission_scenarios.csv is kept.
 */
final class CommissionOrder {
  private CommissionOrder() {}

  /** The column the reps are ranked by: the first delta_ column, else the first commission_ one. */
  static String rankingColumn(PageTable scenarios) {
    List<String> header = scenarios.header();
    return header.stream()
        .filter(c -> c.startsWith("delta_"))
        .findFirst()
        .orElseGet(() -> header.stream().filter(c -> c.startsWith("commission_")).findFirst().orElse("rep_id"));
  }

  /** The columns drawn on the chart: every delta_ column, or the commission_ columns when there is none. */
  static List<String> chartColumns(PageTable scenarios) {
    List<String> deltas = scenarios.header().stream().filter(c -> c.startsWith("delta_")).toList();
    return deltas.isEmpty()
        ? scenarios.header().stream().filter(c -> c.startsWith("commission_")).toList()
        : deltas;
  }

  /**
   * How the chart names a column: {@code delta_proposed} as "plan proposed minus plan current"
   * (the baseline is the plan with no delta column), {@code commission_current} as "plan current".
   */
  static String seriesName(PageTable scenarios, String column) {
    if (column.startsWith("commission_")) {
      return "plan " + column.substring("commission_".length());
    }
    String plan = column.substring("delta_".length());
    List<String> baseline = scenarios.header().stream()
        .filter(c -> c.startsWith("commission_"))
        .map(c -> c.substring("commission_".length()))
        .filter(p -> !scenarios.hasColumn("delta_" + p))
        .toList();
    return baseline.size() == 1 ? "plan " + plan + " minus plan " + baseline.get(0) : column;
  }

  /** The table's rows, ranked. */
  static PageTable ranked(PageTable scenarios) {
    int rank = scenarios.column(rankingColumn(scenarios));
    int repId = scenarios.column("rep_id");
    Comparator<List<String>> byValue =
        Comparator.comparing((List<String> row) -> amount(row.get(rank))).reversed();
    List<List<String>> rows = new ArrayList<>(scenarios.rows());
    rows.sort(byValue.thenComparing(row -> row.get(repId), TeamFileNames::compareCodePoints));
    return new PageTable(scenarios.header(), rows);
  }

  private static BigDecimal amount(String text) {
    return DisplayFormat.isNumber(text) ? new BigDecimal(text) : BigDecimal.ZERO;
  }
}
