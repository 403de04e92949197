package com.channelexpansion.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
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
 * <p>The work is shared: {@link ScanCursor} reads the bytes and counts lines,
 * {@link RecordFieldStates} is the quoted-field state machine that finds where a record's fields
 * and the record end, and {@link RecordAssembler} judges the bytes and makes the record.
 *
 * <p>Danger: a record is held whole in memory, so an unterminated quote near the start of a huge
 * file holds the rest of that file (twice, while its later lines are given back to be read
 * again), and those lines are scanned twice. I/O errors surface as {@link UncheckedIOException}.
 * The caller owns and closes the stream.
 */
public final class CsvRecordScanner implements Iterator<CsvRecord> {
  private static final int EOF = ScanCursor.EOF;

  private final ScanCursor cursor;
  private final RecordFieldStates fieldStates;
  private final RecordAssembler assembler;
  private final RecordCharset charset;
  private boolean started;

  private CsvRecord next;
  private RecordCheck check;

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
    this.cursor = new ScanCursor(new ScanInput(in));
    this.fieldStates = new RecordFieldStates(cursor, delimiter);
    this.charset = new RecordCharset(charset);
    this.assembler = new RecordAssembler(cursor, this.charset);
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

  /** The next record, skipping blank lines; null at end of input. */
  private CsvRecord readRecord() throws IOException {
    if (!started) {
      started = true;
      if (charset.utf8()) {
        cursor.input().skipByteOrderMark();
      }
    }
    while (true) {
      cursor.startRecord();
      long startLine = cursor.line();
      int c = cursor.read();
      while (fieldStates.isBlank(c)) {
        cursor.raw().append(c);
        c = cursor.read();
      }
      if (c == EOF) {
        return null;
      }
      if (c == '\r' || c == '\n') {
        cursor.endLine(c); // a blank line
        continue;
      }
      fieldStates.scan(c);
      return assembler.assemble(
          startLine, fieldStates.problem(), fieldStates.lineBreakConsumed(), check);
    }
  }
}
