package com.channelexpansion.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How one export file is written: which columns in which order, how the header spells them,
 * BOM and line ends. Most files are plain (lower-case header, canonical order, LF); a few vary
 * in every way the reader must accept.
 *
 * @param columns canonical column names in file order (may include {@code notes})
 * @param header the header cells as written (case and padding vary)
 */
record ExportLayout(List<String> columns, List<String> header, boolean bom, String lineSeparator) {

  static ExportLayout plain() {
    return new ExportLayout(OrderLine.COLUMNS, OrderLine.COLUMNS, false, "\n");
  }

  static ExportLayout random(SplittableRandom random) {
    List<String> columns = new ArrayList<>(OrderLine.COLUMNS);
    if (random.nextDouble() < 0.03) {
      // Another exporter version: same columns, different order.
      for (int i = columns.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        columns.set(i, columns.set(j, columns.get(i)));
      }
    }
    if (random.nextDouble() < 0.08) {
      columns.add(random.nextDouble() < 0.3 ? 5 : columns.size(), OrderLine.NOTES);
    }
    double headerDraw = random.nextDouble();
    List<String> header =
        columns.stream()
            .map(
                c ->
                    headerDraw < 0.03
                        ? c.toUpperCase(Locale.ROOT)
                        : headerDraw < 0.05 ? titleCase(c) : headerDraw < 0.06 ? " " + c + " " : c)
            .toList();
    boolean bom = random.nextDouble() < 0.06;
    String separator = random.nextDouble() < 0.25 ? "\r\n" : "\n";
    return new ExportLayout(List.copyOf(columns), header, bom, separator);
  }

  /** The same layout without one column (a broken export that lost a required column). */
  ExportLayout without(String column) {
    int index = columns.indexOf(column);
    List<String> newColumns = new ArrayList<>(columns);
    List<String> newHeader = new ArrayList<>(header);
    newColumns.remove(index);
    newHeader.remove(index);
    return new ExportLayout(List.copyOf(newColumns), List.copyOf(newHeader), bom, lineSeparator);
  }

  /** The same layout with a notes column at the end. */
  ExportLayout withNotes() {
    List<String> newColumns = new ArrayList<>(columns);
    List<String> newHeader = new ArrayList<>(header);
    newColumns.add(OrderLine.NOTES);
    newHeader.add(OrderLine.NOTES);
    return new ExportLayout(List.copyOf(newColumns), List.copyOf(newHeader), bom, lineSeparator);
  }

  boolean hasNotes() {
    return columns.contains(OrderLine.NOTES);
  }

  private static String titleCase(String column) {
    StringBuilder out = new StringBuilder();
    for (String part : column.split("_")) {
      if (out.length() > 0) {
        out.append('_');
      }
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
