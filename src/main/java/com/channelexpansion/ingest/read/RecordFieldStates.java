package com.channelexpansion.ingest.read;

import java.io.IOException;

/**
 * The quoted-field state machine of {@link CsvRecordScanner}: reads one record's bytes through
 * its {@link ScanCursor}, field by field, up to the end of the record, and says how the record
 * ended ({@link #problem()}, {@link #lineBreakConsumed()}). Reused from record to record.
 */
final class RecordFieldStates {
  private static final int EOF = ScanCursor.EOF;

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final int AFTER_CLOSING_QUOTE = 4;
  /** Not a state: the record has ended, nothing more is read. */
  private static final int ENDED = -1;

  private final ScanCursor cursor;
  private final int delimiter;

  private int rawLengthAfterBreak;
  private String problem;
  private boolean lineBreakConsumed;

  RecordFieldStates(ScanCursor cursor, int delimiter) {
    this.cursor = cursor;
    this.delimiter = delimiter;
  }

  /** A space or tab, unless it is the delimiter. */
  boolean isBlank(int c) {
    return (c == ' ' || c == '\t') && c != delimiter;
  }

  /** Null when the record ended well-formed, else what makes it malformed. */
  String problem() {
    return problem;
  }

  /** True when a line break ended the record (false at end of input). */
  boolean lineBreakConsumed() {
    return lineBreakConsumed;
  }

  /** Scans one record whose first non-blank character is {@code c} (blanks are in raw). */
  void scan(int c) throws IOException {
    // Leading blanks make the first field unquoted (its first character is not a quote).
    int state = cursor.raw().length() > 0 ? UNQUOTED : FIELD_START;
    rawLengthAfterBreak = -1;
    while (true) {
      state = step(state, c);
      if (state == ENDED) {
        return;
      }
      c = cursor.read();
    }
  }

  /** Takes {@code c} in {@code state}: the next state, or {@link #ENDED}. */
  private int step(int state, int c) throws IOException {
    switch (state) {
      case FIELD_START:
        return fieldStart(c);
      case UNQUOTED:
        return unquoted(c);
      case QUOTED:
        return quoted(c);
      case QUOTE_IN_QUOTED:
        return quoteInQuoted(c);
      case AFTER_CLOSING_QUOTE:
        return afterClosingQuote(c);
      default:
        throw new IllegalStateException("Cannot scan CSV: unknown state " + state);
    }
  }

  private int fieldStart(int c) throws IOException {
    if (c == '"') {
      cursor.raw().append(c);
      return QUOTED;
    }
    return unquoted(c); // c is the field's first character
  }

  private int unquoted(int c) throws IOException {
    if (c == delimiter) {
      cursor.raw().append(c);
      cursor.values().endField();
      return FIELD_START;
    }
    if (c == '\r' || c == '\n' || c == EOF) {
      cursor.values().endField();
      cursor.endLine(c);
      return end(null, c != EOF);
    }
    cursor.raw().append(c);
    cursor.values().append(c);
    return UNQUOTED;
  }

  private int quoted(int c) throws IOException {
    ByteBuilder raw = cursor.raw();
    if (c == '"') {
      raw.append(c);
      return QUOTE_IN_QUOTED;
    }
    if (c == '\r' || c == '\n') {
      cursor.endLine(c);
      raw.append('\n');
      cursor.values().append('\n');
      rawLengthAfterBreak = raw.length();
    } else if (c == EOF) {
      if (raw.length() == rawLengthAfterBreak) {
        raw.truncate(raw.length() - 1); // the file's final line break starts no line
      }
      return end(CsvRecord.UNTERMINATED_QUOTE, false);
    } else {
      raw.append(c);
      cursor.values().append(c);
    }
    return QUOTED;
  }

  private int quoteInQuoted(int c) throws IOException {
    if (c == '"') {
      cursor.raw().append(c);
      cursor.values().append(c);
      return QUOTED;
    }
    return afterClosingQuote(c); // c is the first character after the closing quote
  }

  private int afterClosingQuote(int c) throws IOException {
    if (c == delimiter) {
      cursor.raw().append(c);
      cursor.values().endField();
      return FIELD_START;
    }
    if (isBlank(c)) {
      cursor.raw().append(c);
      return AFTER_CLOSING_QUOTE;
    }
    if (c == '\r' || c == '\n' || c == EOF) {
      cursor.values().endField();
      cursor.endLine(c);
      return end(null, c != EOF);
    }
    cursor.raw().append(c);
    int lineEnd = cursor.skipRestOfLine();
    return end(CsvRecord.TEXT_AFTER_CLOSING_QUOTE, lineEnd != EOF);
  }

  private int end(String problem, boolean lineBreakConsumed) {
    this.problem = problem;
    this.lineBreakConsumed = lineBreakConsumed;
    return ENDED;
  }
}
