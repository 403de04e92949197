package com.channelexpansion.report;

import com.channelexpansion.config.ChannelDefinition;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the executives' CSV files (executive_summary.csv, channel_definitions.csv,
 * commission_scenarios.csv) with Apache
 * Commons CSV: UTF-8 without BOM, CRLF line ends (RFC 4180), a header row, decimals as plain
 * strings ({@link BigDecimal#toPlainString}, never an exponent), empty cells for null, and every
 * cell passed through {@link SpreadsheetSafe#cell} so no formula runs when opened.
 */
public final class SummaryCsvWriter {
  public static final String[] SUMMARY_HEADER = {
    "metric", "definition", "ttm", "year_earlier", "change"
  };
  public static final String[] CHANNEL_DEFINITIONS_HEADER = {
    "order_source", "channel_group", "definition"
  };

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").setNullString("").get();

  private SummaryCsvWriter() {}

  /** executive_summary.csv: one row per metric, in the list's order. */
  public static void writeExecutiveSummary(List<SummaryMetric> metrics, Writer out)
      throws IOException {
    writeTable(List.of(SUMMARY_HEADER), executiveSummaryRows(metrics), out);
  }

  /**
   * The rows of executive_summary.csv ({@link #SUMMARY_HEADER}), cells as {@link #writeTable}
   * takes them: the executive page is built from the same rows (pages.PageTable.of).
   */
  public static List<List<Object>> executiveSummaryRows(List<SummaryMetric> metrics) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (SummaryMetric metric : metrics) {
      rows.add(
          java.util.Arrays.asList(
              metric.metric(), metric.definition(), metric.ttm(), metric.yearEarlier(), metric.change()));
    }
    return rows;
  }

  /** Writes {@link #writeExecutiveSummary(List, Writer)} to {@code file} (replacing it). */
  public static void writeExecutiveSummary(List<SummaryMetric> metrics, Path file)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeExecutiveSummary(metrics, out);
    }
  }

  /** channel_definitions.csv: the definitions in force, in the list's order. */
  public static void writeChannelDefinitions(List<ChannelDefinition> definitions, Writer out)
      throws IOException {
    writeTable(List.of(CHANNEL_DEFINITIONS_HEADER), channelDefinitionRows(definitions), out);
  }

  /** The rows of channel_definitions.csv ({@link #CHANNEL_DEFINITIONS_HEADER}), as written. */
  public static List<List<Object>> channelDefinitionRows(List<ChannelDefinition> definitions) {
    List<List<Object>> rows = new java.util.ArrayList<>();
    for (ChannelDefinition definition : definitions) {
      rows.add(
          java.util.Arrays.asList(
              definition.orderSource(),
              definition.channelGroup() == null ? null : definition.channelGroup().name(),
              definition.definition()));
    }
    return rows;
  }

  /** Writes {@link #writeChannelDefinitions(List, Writer)} to {@code file} (replacing it). */
  public static void writeChannelDefinitions(List<ChannelDefinition> definitions, Path file)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeChannelDefinitions(definitions, out);
    }
  }

  /**
   * Any small table (e.g. commission_scenarios.csv): cells are Strings, BigDecimals (written
   * plain) or null (empty).
   */
  public static void writeTable(List<String> header, List<List<Object>> rows, Writer out)
      throws IOException {
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(safe(header.toArray(String[]::new)));
    for (List<Object> row : rows) {
      String[] cells = new String[row.size()];
      for (int i = 0; i < cells.length; i++) {
        Object cell = row.get(i);
        cells[i] = cell instanceof BigDecimal decimal ? plain(decimal) : cell == null ? null : cell.toString();
      }
      printer.printRecord(safe(cells));
    }
    printer.flush();
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static Object[] safe(String... cells) {
    Object[] out = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      out[i] = SpreadsheetSafe.cell(cells[i]);
    }
    return out;
  }
}
