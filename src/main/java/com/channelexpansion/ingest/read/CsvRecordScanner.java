package com.channelexpansion.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the CSV records of a UTF-8 file, byte by byte, following PRODUCT.md "Precise rules >
 * Reading". It holds one record in memory at a time (plus a 64 KiB read buffer), never the file.
 *
 * <p>Why not Apache Commons CSV: these rules need things it cannot do. After text follows a
 * closing quote it cannot resume on the next physical line, it does not count the physical lines
 * of lone-CR files the way these rules do, and it decodes characters before parsing, so it cannot
 * flag one record as invalid UTF-8 and go on. Scanning bytes is safe because every structural
 * character (quote, comma, CR, LF, space, tab) is ASCII, and in UTF-8 an ASCII byte is never part
 * of a multi-byte character.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A physical line ends at CRLF, LF or a lone CR; lines are numbered from 1. A UTF-8 BOM at
 *       the start of the file is skipped.
 *   <li>A field is quoted only when its very first character (right after the line start or the
 *       comma) is {@code "}; in {@code a, "b"} the second field is unquoted and its quotes are
 *       literal (value {@code "b"}). A quote inside an unquoted field is literal.
 *   <li>Inside a quoted field {@code ""} is one quote, and a line break is part of the value,
 *       normalized to LF whatever it was in the file. After the closing quote, spaces and tabs
 *       before the next comma or line end are ignored; any other character makes the record
 *       malformed, its raw text runs through the end of that physical line and reading resumes at
 *       the start of the next one.
 *   <li>A quote still open at the end of the file makes the record malformed.
 *   <li>A record that spans several physical lines and is malformed for any reason (text after a
 *       closing quote on a later line, a quote still open at the end of the file, invalid bytes,
 *       or what the {@link #check} finds) is its first physical line alone, and reading resumes
 *       on the line after it: one stray quote must not swallow the lines after it. A
 *       well-formed multi-line record stays one record.
 *   <li>Blank lines (empty or only spaces and tabs) are not records, but count as lines.
 *   <li>Field values are trimmed of surrounding spaces and tabs, quoted or not.
 *   <li>A record whose bytes are not valid UTF-8 is malformed (no fields), its raw text showing
 *       each bad sequence as U+FFFD.
 *   <li>A record that is valid CSV is then judged by the {@link #check} (the header's width, no
 *       control characters), which its reader sets once it has read the header.
 * </ul>
 *
 * <p>Other dialects ({@link #CsvRecordScanner(InputStream, char, Charset)}): another ASCII
 * delimiter (such as {@code ;}, {@code |} or a tab, which is then never trimmed as a blank) and
 * another single-byte, ASCII-compatible charset (windows-1252, ISO-8859-1): bytes are scanned the
 * same way, then each record is decoded with that charset, and a record holding a byte the
 * charset does not define is malformed. The BOM is skipped only for UTF-8.
 *
 * <p>Danger: a record is held whole in memory, so an unterminated quote near the start of a huge
 * file holds the rest of that file (twice, while its later lines are given back to be read
 * again), and those lines are scanned twice. I/O errors surface as {@link UncheckedIOException}.
 * The caller owns and closes the stream.
 */
public final class CsvRecordScanner implements Iterator<CsvRecord> {
  private static final int EOF = ScanInput.EOF;

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  private static final int AFTER_CLOSING_QUOTE = 4;

  private final ScanInput in;
  private boolean started;
  /** Physical line of the next unread byte. */
  private long line = 1;

  /** The current record's text (line breaks as LF) and its field values. */
  private final ByteBuilder raw = new ByteBuilder();
  private final FieldValues values = new FieldValues();
  /** OR of every byte of the record: bit 7 set means it holds non-ASCII bytes to validate. */
  private int rawBitsOr;

  private CsvRecord next;
  private RecordCheck check;

  private final int delimiter;
  private final RecordCharset charset;

  /** A scanner for comma-separated UTF-8, the canonical export dialect. */
  public CsvRecordScanner(InputStream in) {
    this(in, ',', StandardCharsets.UTF_8);
  }

  /**
   * A scanner for another dialect.
   *
   * @param delimiter an ASCII character other than a quote, CR, LF or space
   * @param charset UTF-8 or a single-byte charset whose ASCII range is ASCII
   * @throws IllegalArgumentException when the delimiter or charset cannot be scanned this way
   */
  public CsvRecordScanner(InputStream in, char delimiter, Charset charset) {
    if (!isSupportedDelimiter(delimiter)) {
      throw new IllegalArgumentException(
          "Cannot scan CSV: unsupported delimiter (" + printable(delimiter) + ")");
    }
    if (!isSupportedCharset(charset)) {
      throw new IllegalArgumentException(
          "Cannot scan CSV: only UTF-8 and single-byte ASCII-compatible charsets (" + charset + ")");
    }
    this.in = new ScanInput(in);
    this.delimiter = delimiter;
    this.charset = new RecordCharset(charset);
  }

  /**
   * Judges every record read from now on with {@code check} (set it after reading the header,
   * before asking for the next record): a record it finds malformed is rejected with its detail,
   * as its first line alone when it spans several.
   */
  public void check(RecordCheck check) {
    this.check = check;
  }

  /** True for an ASCII delimiter that is not a quote, CR, LF or space. */
  public static boolean isSupportedDelimiter(char delimiter) {
    return delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n'
        && delimiter != ' ';
  }

  /** True for UTF-8 and for single-byte charsets that decode the ASCII range as ASCII. */
  public static boolean isSupportedCharset(Charset charset) {
    return RecordCharset.isSupported(charset);
  }

  private static String printable(char c) {
    return c < 0x20 ? String.format("U+%04X", (int) c) : String.valueOf(c);
  }

  private boolean isBlank(int c) {
    return (c == ' ' || c == '\t') && c != delimiter;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = readRecord();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read CSV input: " + e.getMessage(), e);
      }
    }
    return next != null;
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CsvRecord record = next;
    next = null;
    return record;
  }

  private CsvRecord readRecord() throws IOException {
    if (!started) {
      started = true;
      if (charset.utf8()) {
        in.skipByteOrderMark();
      }
    }
    while (true) {
      raw.truncate(0);
      values.clear();
      rawBitsOr = 0;
      long startLine = line;
      int c = read();
      while (isBlank(c)) {
        raw.append(c);
        c = read();
      }
      if (c == EOF) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        endLine(c); // a blank line
        continue;
      }
      return scanRecord(startLine, c);
    }
  }

  /** Scans one record whose first non-blank character is {@code c} (blanks are in raw). */
  private CsvRecord scanRecord(long startLine, int c) throws IOException {
    // Leading blanks make the first field unquoted (its first character is not a quote).
    int state = raw.length() > 0 ? UNQUOTED : FIELD_START;
    int rawLengthAfterBreak = -1;
    while (true) {
      switch (state) {
        case FIELD_START:
          if (c == '"') {
            raw.append(c);
            state = QUOTED;
            break;
          }
          state = UNQUOTED;
          // fall through: c is the field's first character
        case UNQUOTED:
          if (c == delimiter) {
            raw.append(c);
            values.endField();
            state = FIELD_START;
          } else if (c == '\r' || c == '\n' || c == EOF) {
            values.endField();
            endLine(c);
            return end(startLine, null, c != EOF);
          } else {
            raw.append(c);
            values.append(c);
          }
          break;
        case QUOTED:
          if (c == '"') {
            raw.append(c);
            state = QUOTE_IN_QUOTED;
          } else if (c == '\r' || c == '\n') {
            endLine(c);
            raw.append('\n');
            values.append('\n');
            rawLengthAfterBreak = raw.length();
          } else if (c == EOF) {
            if (raw.length() == rawLengthAfterBreak) {
              raw.truncate(raw.length() - 1); // the file's final line break starts no line
            }
            return end(startLine, CsvRecord.UNTERMINATED_QUOTE, false);
          } else {
            raw.append(c);
            values.append(c);
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c == '"') {
            raw.append(c);
            values.append(c);
            state = QUOTED;
            break;
          }
          state = AFTER_CLOSING_QUOTE;
          // fall through: c is the first character after the closing quote
        case AFTER_CLOSING_QUOTE:
          if (c == delimiter) {
            raw.append(c);
            values.endField();
            state = FIELD_START;
          } else if (isBlank(c)) {
            raw.append(c);
          } else if (c == '\r' || c == '\n' || c == EOF) {
            values.endField();
            endLine(c);
            return end(startLine, null, c != EOF);
          } else {
            raw.append(c);
            int lineEnd = skipRestOfLine();
            return end(startLine, CsvRecord.TEXT_AFTER_CLOSING_QUOTE, lineEnd != EOF);
          }
          break;
        default:
          throw new IllegalStateException("Cannot scan CSV: unknown state " + state);
      }
      c = read();
    }
  }

  /**
   * The record just scanned: well-formed, or malformed with the scanner's {@code problem}, the
   * charset's or the check's; a malformed record spanning several lines is cut to its first.
   *
   * @param lineBreakConsumed true when a line break ended the record (false at end of input)
   */
  private CsvRecord end(long startLine, String problem, boolean lineBreakConsumed) {
    String text =
        problem == null ? charset.strict(raw.array(), raw.length(), (rawBitsOr & 0x80) != 0) : null;
    String detail = problem;
    if (detail == null && text == null) {
      detail = charset.invalidDetail();
    }
    List<String> fields = List.of();
    if (detail == null) {
      fields = values.decode(charset);
      detail = check == null ? null : check.problem(fields);
    }
    if (detail == null) {
      return new CsvRecord(startLine, text, fields, null);
    }
    int firstBreak = firstLineBreak();
    if (firstBreak >= 0) {
      // Read the lines after the first again, from the next line on.
      in.giveBack(raw.array(), firstBreak + 1, raw.length() - firstBreak - 1, lineBreakConsumed);
      raw.truncate(firstBreak);
      line = startLine + 1;
      text = null;
    }
    String shown = text != null ? text : charset.lenient(raw.array(), raw.length());
    return new CsvRecord(startLine, shown, List.of(), detail);
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

  /**
   * Appends the rest of the current physical line to the raw text and consumes its break.
   *
   * @return the character that ended the line (CR, LF or EOF)
   */
  private int skipRestOfLine() throws IOException {
    int c = read();
    while (c != '\r' && c != '\n' && c != EOF) {
      raw.append(c);
      c = read();
    }
    endLine(c);
    return c;
  }

  /** Consumes the line break that {@code c} starts (CR, LF or CRLF); nothing at end of input. */
  private void endLine(int c) throws IOException {
    if (c == EOF) {
      return;
    }
    if (c == '\r' && in.peek() == '\n') {
      in.read();
    }
    line++;
  }

  private int read() throws IOException {
    int c = in.read();
    if (c != EOF) {
      rawBitsOr |= c;
    }
    return c;
  }
}
