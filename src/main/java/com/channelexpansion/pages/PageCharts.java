package com.channelexpansion.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The charts of a page, each drawn from one of its tables (a team page's from the team's rows).
 * A chart whose table has no rows is left out; its section says so instead.
 */
final class PageCharts {
  static final String REVENUE = "chart-revenue";
  static final String ONLINE_SHARE = "chart-online-share";
  static final String NEW_CUSTOMERS = "chart-new-customers";
  static final String TEAMS = "chart-teams";
  static final String COMMISSION = "chart-commission";
  static final String PILOTS = "chart-pilots";
  /** The value-case split of revenue that the teams chart stacks, in this order. */
  static final List<String> TEAM_METRICS =
      List.of("new_online_revenue", "channel_shift_revenue", "core_sales_revenue");

  private PageCharts() {}

  static List<ChartSpec> of(PageModel page, List<String> months) {
    List<ChartSpec> charts = new ArrayList<>();
    addIfAny(charts, revenue(page.revenueMonthly(), months));
    addIfAny(charts, onlineShare(page.revenueMonthly(), months));
    addIfAny(charts, newCustomers(page.newCustomersMonthly(), months));
    addIfAny(charts, teams(page.teamSummary()));
    addIfAny(charts, commission(page.commissionScenarios()));
    addIfAny(charts, pilots(page.pilotComparison()));
    return charts;
  }

  static ChartSpec revenue(PageTable revenue, List<String> months) {
    Function<List<String>, String> segment = Pivot.cellOf(revenue, "segment");
    Function<List<String>, String> channel = Pivot.cellOf(revenue, "order_channel");
    List<ChartSpec.Series> series =
        Pivot.series(
            revenue, months, Pivot.cellOf(revenue, "month"),
            row -> segment.apply(row) + " · " + channel.apply(row), "net_revenue", List.of());
    return new ChartSpec(REVENUE, "Net revenue by segment and channel, by month", "bar", true, "money", months, series);
  }

  static ChartSpec onlineShare(PageTable revenue, List<String> months) {
    PageTable share = OnlineShare.byMonth(revenue, months);
    List<ChartSpec.Series> series =
        Pivot.series(share, months, Pivot.cellOf(share, "month"), row -> "Online share", "online_share", List.of());
    return new ChartSpec(
        ONLINE_SHARE, "Online share of net revenue, by month", "line", false, "ratio",
        revenue.rows().isEmpty() ? List.of() : months, revenue.rows().isEmpty() ? List.of() : series);
  }

  static ChartSpec newCustomers(PageTable customers, List<String> months) {
    List<ChartSpec.Series> series =
        Pivot.series(
            customers, months, Pivot.cellOf(customers, "month"),
            Pivot.cellOf(customers, "acquisition_channel"), "customers", List.of("ONLINE", "SALES_ASSISTED"));
    return new ChartSpec(
        NEW_CUSTOMERS, "New customers by acquisition channel, by month of first order", "bar", true, "count",
        customers.rows().isEmpty() ? List.of() : months, customers.rows().isEmpty() ? List.of() : series);
  }

  static ChartSpec teams(PageTable teamSummary) {
    int metric = teamSummary.column("metric");
    PageTable split = teamSummary.where(row -> TEAM_METRICS.contains(row.get(metric)));
    List<String> teams = split.distinct("team");
    List<ChartSpec.Series> series =
        Pivot.series(
            split, teams, Pivot.cellOf(split, "team"), row -> TableView.label(row.get(metric)), "ttm",
            TEAM_METRICS.stream().map(TableView::label).toList());
    return new ChartSpec(
        TEAMS, "Revenue of the last 12 months by team: new online, channel shift, core sales", "bar", true,
        "money", teams, series);
  }

  static ChartSpec commission(PageTable scenarios) {
    PageTable ranked = CommissionOrder.ranked(scenarios);
    Function<List<String>, String> rep = repLabel(ranked);
    List<String> reps = ranked.rows().stream().map(rep).toList();
    List<ChartSpec.Series> series = new ArrayList<>();
    for (String column : CommissionOrder.chartColumns(ranked)) {
      int index = ranked.column(column);
      series.add(
          new ChartSpec.Series(
              CommissionOrder.seriesName(ranked, column), ranked.rows().stream().map(row -> row.get(index)).toList()));
    }
    String title =
        CommissionOrder.rankingColumn(ranked).startsWith("delta_")
            ? "Commission gain or loss per rep against the baseline plan (last 12 months)"
            : "Commission per rep (last 12 months)";
    return new ChartSpec(COMMISSION, title, "hbar", false, "money", reps, series);
  }

  static ChartSpec pilots(PageTable pilots) {
    Function<List<String>, String> label =
        row -> row.get(pilots.column("pilot_id")) + " · " + row.get(pilots.column("metric"));
    List<String> categories = pilots.rows().stream().map(label).toList();
    List<ChartSpec.Series> series = new ArrayList<>();
    for (String column : List.of("pilot_change", "control_change")) {
      int index = pilots.column(column);
      String name = column.equals("pilot_change") ? "pilot group" : "control group";
      series.add(new ChartSpec.Series(name, pilots.rows().stream().map(row -> row.get(index)).toList()));
    }
    return new ChartSpec(
        PILOTS, "Each pilot against its control: change from the before to the after window", "hbar", false,
        "ratio", categories, series);
  }

  /** A rep as the page names them: rep_name (rep_id), so two reps of one name stay apart. */
  static Function<List<String>, String> repLabel(PageTable scenarios) {
    int id = scenarios.column("rep_id");
    int name = scenarios.column("rep_name");
    return row -> row.get(name) + " (" + row.get(id) + ")";
  }

  private static void addIfAny(List<ChartSpec> charts, ChartSpec chart) {
    if (!chart.categories().isEmpty() && !chart.series().isEmpty()) {
      charts.add(chart);
    }
  }
}
