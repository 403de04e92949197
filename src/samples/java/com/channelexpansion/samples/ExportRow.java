package com.channelexpansion.samples;

import com.channelexpansion.ingest.validate.RejectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One physical chunk of an export file, without its line end: a record (good or planted bad) or
 * a blank line.
 *
 * @param bytes the text as written (bytes, so a record can carry invalid UTF-8)
 * @param expectedReject the reason the reader must reject it with, null if it must be accepted
 * @param record false for a blank line (not a record: neither read nor rejected)
 */
record ExportRow(byte[] bytes, RejectReason expectedReject, boolean record) {

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("").get();
  private static final String MARKER = "QQRAWQQ";

  static ExportRow good(OrderLine line, ExportLayout layout) {
    return new ExportRow(utf8(format(line.values(), layout, Map.of())), null, true);
  }

  static ExportRow blank(String whitespace) {
    return new ExportRow(utf8(whitespace), null, false);
  }

  static ExportRow rejected(String text, RejectReason reason) {
    return new ExportRow(utf8(text), reason, true);
  }

  /**
   * The record of {@code values} in the layout's column order, written with Commons CSV, except
   * that the columns of {@code raw} are replaced by their raw text verbatim (to write what a
   * CSV library would never write: garbage after a closing quote, an unterminated quote...).
   */
  static String format(Map<String, String> values, ExportLayout layout, Map<String, String> raw) {
    List<String> cells = new ArrayList<>();
    for (String column : layout.columns()) {
      cells.add(raw.containsKey(column) ? MARKER + column : values.getOrDefault(column, ""));
    }
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      text = text.replace(MARKER + entry.getKey(), entry.getValue());
    }
    return text;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
