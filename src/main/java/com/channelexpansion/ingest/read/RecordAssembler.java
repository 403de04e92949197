package com.channelexpansion.ingest.read;

import java.util.List;

/**
 * Turns the bytes {@link CsvRecordScanner} has just scanned into a {@link CsvRecord}: decodes
 * them, judges them (the scanner's problem, the charset's, the {@link RecordCheck}'s) and cuts a
 * malformed record that spans several lines to its first.
 */
final class RecordAssembler {
  private final ScanCursor cursor;
  private final RecordCharset charset;

  RecordAssembler(ScanCursor cursor, RecordCharset charset) {
    this.cursor = cursor;
    this.charset = charset;
  }

  /**
   * The record just scanned: well-formed, or malformed with the scanner's {@code problem}, the
   * charset's or the check's; a malformed record spanning several lines is cut to its first.
   *
   * @param lineBreakConsumed true when a line break ended the record (false at end of input)
   * @param check null, or the check every valid record must pass
   */
  CsvRecord assemble(
      long startLine, String problem, boolean lineBreakConsumed, RecordCheck check) {
    ByteBuilder raw = cursor.raw();
    String text =
        problem == null ? charset.strict(raw.array(), raw.length(), cursor.hasNonAscii()) : null;
    String detail = problem;
    if (detail == null && text == null) {
      detail = charset.invalidDetail();
    }
    List<String> fields = List.of();
    if (detail == null) {
      fields = cursor.values().decode(charset);
      detail = check == null ? null : check.problem(fields);
    }
    if (detail == null) {
      return new CsvRecord(startLine, text, fields, null);
    }
    if (cursor.cutToFirstLine(startLine, lineBreakConsumed)) {
      text = null; // read the lines after the first again, from the next line on
    }
    String shown = text != null ? text : charset.lenient(raw.array(), raw.length());
    return new CsvRecord(startLine, shown, List.of(), detail);
  }
}
