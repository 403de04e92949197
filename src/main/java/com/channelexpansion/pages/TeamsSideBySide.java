package com.channelexpansion.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Teams side by side: one row per team of team_summary.csv, one column per headline metric
 * (its TTM value) and the change of net revenue, the team's name linking to its page. Every
 * cell is a cell of team_summary.csv.
 */
final class TeamsSideBySide {
  static final List<String> METRICS =
      List.of(
          "net_revenue", "online_revenue_share", "new_online_customers", "new_online_revenue",
          "channel_shift_revenue", "core_sales_revenue");

  private TeamsSideBySide() {}

  /** The pivoted table: team, then {@code <metric> ttm} per metric, then {@code net_revenue change}. */
  static PageTable pivot(PageTable teamSummary) {
    int team = teamSummary.column("team");
    int metric = teamSummary.column("metric");
    int ttm = teamSummary.column("ttm");
    int change = teamSummary.column("change");
    Map<String, Map<String, String>> byTeam = new LinkedHashMap<>();
    for (List<String> row : teamSummary.rows()) {
      Map<String, String> cells = byTeam.computeIfAbsent(row.get(team), k -> new LinkedHashMap<>());
      cells.put(row.get(metric), row.get(ttm));
      if (row.get(metric).equals("net_revenue")) {
        cells.put("net_revenue_change", row.get(change));
      }
    }
    List<String> header = new ArrayList<>(List.of("team"));
    header.addAll(METRICS);
    header.add("net_revenue_change");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> entry : byTeam.entrySet()) {
      List<String> row = new ArrayList<>(List.of(entry.getKey()));
      for (String column : header.subList(1, header.size())) {
        row.add(entry.getValue().getOrDefault(column, ""));
      }
      rows.add(row);
    }
    return new PageTable(header, rows);
  }
}
