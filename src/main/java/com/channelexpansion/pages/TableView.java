package com.channelexpansion.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A table as the template shows it: column labels and formatted cells (numbers right-aligned,
 * negatives marked, a link where the cell names a page). The cells come from a {@link PageTable}
 * or a {@link ChartSpec}, formatted by {@link DisplayFormat}, never recomputed.
 */
record TableView(List<Heading> header, List<List<Cell>> rows) {
  /** One shown cell. */
  record Cell(String text, boolean numeric, boolean negative, String href) {}

  /** A column's label; a column of numbers is right-aligned like its cells. */
  record Heading(String text, boolean numeric) {}

  boolean empty() {
    return rows.isEmpty();
  }

  /** {@code table} with each cell formatted for its column (and the row's metric, if it has one). */
  static TableView of(PageTable table, Map<String, String> links, String linkColumn) {
    int metric = table.hasColumn("metric") ? table.column("metric") : -1;
    List<List<Cell>> rows = new ArrayList<>();
    for (List<String> row : table.rows()) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        String column = table.header().get(i);
        String text = row.get(i);
        String href = column.equals(linkColumn) ? links.get(text) : null;
        cells.add(cell(DisplayFormat.cell(column, metric < 0 ? null : row.get(metric), text), text, href));
      }
      rows.add(cells);
    }
    return new TableView(headings(labels(table.header()), rows), rows);
  }

  static TableView of(PageTable table) {
    return of(table, Map.of(), null);
  }

  /** A chart's text alternative: one row per category, one column per series. */
  static TableView of(ChartSpec chart, String categoryLabel) {
    List<List<Cell>> rows = new ArrayList<>();
    for (int c = 0; c < chart.categories().size(); c++) {
      List<Cell> cells = new ArrayList<>();
      cells.add(cell(chart.categories().get(c), chart.categories().get(c), null));
      for (ChartSpec.Series series : chart.series()) {
        String text = series.values().get(c);
        String shown = !DisplayFormat.isNumber(text) ? text
            : chart.unit().equals("ratio") ? DisplayFormat.percent(text) : DisplayFormat.grouped(text);
        cells.add(cell(shown, text, null));
      }
      rows.add(cells);
    }
    List<String> header = new ArrayList<>();
    header.add(categoryLabel);
    chart.series().forEach(series -> header.add(label(series.name())));
    return new TableView(headings(header, rows), rows);
  }

  private static Cell cell(String shown, String raw, String href) {
    boolean numeric = DisplayFormat.isNumber(raw);
    return new Cell(shown, numeric, numeric && raw.startsWith("-"), href);
  }

  /** Headings for {@code labels}: numeric where every non-empty cell of the column is a number. */
  private static List<Heading> headings(List<String> labels, List<List<Cell>> rows) {
    List<Heading> headings = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int column = i;
      boolean numeric =
          !rows.isEmpty()
              && rows.stream().allMatch(row -> row.get(column).numeric() || row.get(column).text().isEmpty());
      headings.add(new Heading(labels.get(i), numeric));
    }
    return headings;
  }

  private static List<String> labels(List<String> header) {
    return header.stream().map(TableView::label).toList();
  }

  /** A column name made readable: {@code year_earlier} shows as {@code year earlier}. */
  static String label(String column) {
    return column.replace('_', ' ');
  }
}
