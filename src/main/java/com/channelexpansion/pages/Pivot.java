package com.channelexpansion.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a long table (one row per category and key) into chart series: one series per distinct
 * key, one value per category, each value a cell copied as it is (empty where the table has no
 * row). No arithmetic, so every value on the chart is a cell of the table.
 */
final class Pivot {
  private Pivot() {}

  /**
   * @param categories the categories in axis order (rows whose category is not listed are left out)
   * @param category the row's category
   * @param key the row's series name
   * @param valueColumn the column whose cell is the value
   * @param keyOrder the series in this order first, the others after them by name
   */
  static List<ChartSpec.Series> series(
      PageTable table,
      List<String> categories,
      Function<List<String>, String> category,
      Function<List<String>, String> key,
      String valueColumn,
      List<String> keyOrder) {
    int value = table.column(valueColumn);
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    for (List<String> row : table.rows()) {
      byKey.computeIfAbsent(key.apply(row), k -> new LinkedHashMap<>())
          .put(category.apply(row), row.get(value));
    }
    List<String> keys = new ArrayList<>(byKey.keySet());
    keys.sort(
        (a, b) -> {
          int ia = keyOrder.indexOf(a);
          int ib = keyOrder.indexOf(b);
          if (ia >= 0 || ib >= 0) {
            return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
          }
          return a.compareTo(b);
        });
    List<ChartSpec.Series> series = new ArrayList<>();
    for (String name : keys) {
      Map<String, String> cells = byKey.get(name);
      series.add(
          new ChartSpec.Series(name, categories.stream().map(c -> cells.getOrDefault(c, "")).toList()));
    }
    return series;
  }

  /** A function reading column {@code name} of a row of {@code table}. */
  static Function<List<String>, String> cellOf(PageTable table, String name) {
    int index = table.column(name);
    return row -> row.get(index);
  }
}
