package com.channelexpansion.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One table of a page, cell for cell what the CSV writer writes: the header and rows of text
 * cells, a decimal as {@link BigDecimal#toPlainString()} and a null as the empty string (as
 * report/SummaryCsvWriter does). Built from the same header and rows the report passes to the
 * CSV writer, so every number on a page equals the CSV by construction.
 *
 * <p>The CSV writer also prefixes a cell that a spreadsheet would run as a formula with an
 * apostrophe; a page is no spreadsheet and shows the text as it is (plain numbers never change).
 */
public record PageTable(List<String> header, List<List<String>> rows) {
  public PageTable {
    header = List.copyOf(header);
    List<List<String>> copies = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            String.format(
                "Cannot build a page table: a row has %d cells, the header %d (%s)",
                row.size(), header.size(), row));
      }
      copies.add(List.copyOf(row));
    }
    rows = List.copyOf(copies);
  }

  /**
   * The table from the CSV writer's input: cells are Strings, BigDecimals (written plain) or null
   * (empty), like {@code SummaryCsvWriter.writeTable}.
   */
  public static PageTable of(List<String> header, List<? extends List<?>> cells) {
    List<List<String>> rows = new ArrayList<>();
    for (List<?> row : cells) {
      List<String> text = new ArrayList<>(row.size());
      for (Object cell : row) {
        text.add(asCsvText(cell));
      }
      rows.add(text);
    }
    return new PageTable(header, rows);
  }

  /** A table with this header and no rows (an output that has none, e.g. no pilots). */
  public static PageTable empty(List<String> header) {
    return new PageTable(header, List.of());
  }

  /** The cell text the CSV writer writes for {@code cell}. */
  static String asCsvText(Object cell) {
    if (cell == null) {
      return "";
    }
    return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell.toString();
  }

  /**
   * Index of column {@code name}.
   *
   * @throws IllegalArgumentException when the header has no such column
   */
  public int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException(
          String.format("Cannot find column %s: the header is %s", name, header));
    }
    return index;
  }

  /** Whether the header has column {@code name}. */
  public boolean hasColumn(String name) {
    return header.contains(name);
  }

  /** The rows whose cell in {@code column} is {@code value} (a team's rows, say). */
  public PageTable whereEquals(String column, String value) {
    int index = column(column);
    return where(row -> row.get(index).equals(value));
  }

  /** The rows that pass {@code test}, in order. */
  public PageTable where(Predicate<List<String>> test) {
    return new PageTable(header, rows.stream().filter(test).toList());
  }

  /** The distinct values of {@code column}, in order of first appearance. */
  public List<String> distinct(String column) {
    int index = column(column);
    return rows.stream().map(row -> row.get(index)).distinct().toList();
  }
}
