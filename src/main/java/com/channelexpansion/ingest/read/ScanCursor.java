package com.channelexpansion.ingest.read;

import java.io.IOException;

/**
 * Where {@link CsvRecordScanner} is in its input, and what it has read of the current record: the
 * physical line of the next unread byte, the record's raw text (line breaks as LF) and its field
 * values. Reused from record to record.
 */
final class ScanCursor {
  static final int EOF = ScanInput.EOF;

  private final ScanInput in;
  /** Physical line of the next unread byte. */
  private long line = 1;

  /** The current record's text (line breaks as LF) and its field values. */
  private final ByteBuilder raw = new ByteBuilder();
  private final FieldValues values = new FieldValues();
  /** OR of every byte of the record: bit 7 set means it holds non-ASCII bytes to validate. */
  private int rawBitsOr;

  ScanCursor(ScanInput in) {
    this.in = in;
  }

  ScanInput input() {
    return in;
  }

  long line() {
    return line;
  }

  ByteBuilder raw() {
    return raw;
  }

  FieldValues values() {
    return values;
  }

  /** True when a byte of the record is not ASCII, so its text must be validated. */
  boolean hasNonAscii() {
    return (rawBitsOr & 0x80) != 0;
  }

  /** Forgets the record read so far, to read the next. */
  void startRecord() {
    raw.truncate(0);
    values.clear();
    rawBitsOr = 0;
  }

  int read() throws IOException {
    int c = in.read();
    if (c != EOF) {
      rawBitsOr |= c;
    }
    return c;
  }

  /** Consumes the line break that {@code c} starts (CR, LF or CRLF); nothing at end of input. */
  void endLine(int c) throws IOException {
    if (c == EOF) {
      return;
    }
    if (c == '\r' && in.peek() == '\n') {
      in.read();
    }
    line++;
  }

  /**
   * Appends the rest of the current physical line to the raw text and consumes its break.
   *
   * @return the character that ended the line (CR, LF or EOF)
   */
  int skipRestOfLine() throws IOException {
    int c = read();
    while (c != '\r' && c != '\n' && c != EOF) {
      raw.append(c);
      c = read();
    }
    endLine(c);
    return c;
  }

  /**
   * Cuts a record that spans several lines to its first line, giving the lines after it back to
   * be read again, from the next line on.
   *
   * @param lineBreakConsumed true when a line break ended the record (false at end of input)
   * @return false, changing nothing, when the record is one line
   */
  boolean cutToFirstLine(long startLine, boolean lineBreakConsumed) {
    int firstBreak = firstLineBreak();
    if (firstBreak < 0) {
      return false;
    }
    in.giveBack(raw.array(), firstBreak + 1, raw.length() - firstBreak - 1, lineBreakConsumed);
    raw.truncate(firstBreak);
    line = startLine + 1;
    return true;
  }

  /** Position of the raw text's first LF (a physical line break), or -1 on a one-line record. */
  private int firstLineBreak() {
    byte[] bytes = raw.array();
    for (int i = 0; i < raw.length(); i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
