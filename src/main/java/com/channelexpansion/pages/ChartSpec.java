package com.channelexpansion.pages;

import java.util.List;

/**
 * One chart of a page and its text alternative: categories along one axis, one series per
 * legend entry, each value the text of a table cell (empty = no value). The page's script draws
 * it with ECharts; the page shows the same numbers as a table under the chart.
 *
 * @param id the chart container's id (unique on the page)
 * @param title what the chart shows
 * @param kind {@code bar}, {@code line} or {@code hbar} (horizontal bars, one per category)
 * @param stacked whether the series are stacked
 * @param unit {@code money}, {@code count} or {@code ratio}: how axis and tooltip format values
 */
public record ChartSpec(
    String id,
    String title,
    String kind,
    boolean stacked,
    String unit,
    List<String> categories,
    List<Series> series) {
  public ChartSpec {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (Series one : series) {
      if (one.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            String.format(
                "Cannot build chart %s: series %s has %d values for %d categories",
                id, one.name(), one.values().size(), categories.size()));
      }
    }
  }

  /** One legend entry: a value (cell text, empty = none) per category. */
  public record Series(String name, List<String> values) {
    public Series {
      values = List.copyOf(values);
    }
  }
}
