package com.channelexpansion.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top of a page: the why in one line and one card per value-case number (new online
 * customers and revenue, channel shift, core sales), each against the year earlier. Values are
 * the summary's cells, shown with thousands separators and the reporting currency.
 */
final class Headline {
  static final List<String> METRICS =
      List.of("new_online_customers", "new_online_revenue", "channel_shift_revenue", "core_sales_revenue");
  private static final Map<String, String> LABELS =
      Map.of(
          "new_online_customers", "New online customers",
          "new_online_revenue", "New online revenue",
          "channel_shift_revenue", "Channel shift",
          "core_sales_revenue", "Core sales");

  /** One number of the headline: its value now, a year earlier, and the change. */
  record Card(String metric, String label, String ttm, String yearEarlier, String change, String trend) {}

  private Headline() {}

  static List<Card> cards(PageTable summary, String currency) {
    Map<String, List<String>> byMetric = byMetric(summary);
    List<Card> cards = new ArrayList<>();
    for (String metric : METRICS) {
      List<String> row = byMetric.get(metric);
      String ttm = row == null ? "" : row.get(summary.column("ttm"));
      String earlier = row == null ? "" : row.get(summary.column("year_earlier"));
      String change = row == null ? "" : row.get(summary.column("change"));
      cards.add(
          new Card(
              metric,
              LABELS.get(metric),
              DisplayFormat.metricValue(metric, currency, ttm),
              DisplayFormat.metricValue(metric, currency, earlier),
              change.isEmpty() ? "no year-earlier figure" : DisplayFormat.signedPercent(change),
              trend(change)));
    }
    return cards;
  }

  /** The why in one line, e.g. "Online brought 120 new customers (+20%) and USD 1,000.00 ...". */
  static String sentence(List<Card> cards) {
    Card customers = cards.get(0);
    Card revenue = cards.get(1);
    Card shift = cards.get(2);
    Card core = cards.get(3);
    return String.format(
        "In the last 12 months online brought %s new customers (%s) and %s of new revenue (%s);"
            + " existing customers moved %s online (%s) while core sales were %s (%s),"
            + " each against the year earlier.",
        customers.ttm(), customers.change(), revenue.ttm(), revenue.change(),
        shift.ttm(), shift.change(), core.ttm(), core.change());
  }

  private static String trend(String change) {
    if (change.isEmpty() || !DisplayFormat.isNumber(change)) {
      return "flat";
    }
    int sign = new java.math.BigDecimal(change).signum();
    return sign > 0 ? "up" : sign < 0 ? "down" : "flat";
  }

  private static Map<String, List<String>> byMetric(PageTable summary) {
    int metric = summary.column("metric");
    Map<String, List<String>> rows = new TreeMap<>();
    for (List<String> row : summary.rows()) {
      rows.putIfAbsent(row.get(metric), row);
    }
    return rows;
  }
}
