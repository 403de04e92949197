package com.channelexpansion.ingest.read;

import java.util.List;

/**
 * One CSV record as read by {@link CsvRecordScanner}.
 *
 * @param startLine physical line (1-based) where the record starts
 * @param rawText the record's text as in the file: its physical lines joined with LF (whatever
 *     their original line break), without the final line break; bytes that are not valid UTF-8
 *     appear as U+FFFD
 * @param fields the trimmed field values; empty when the record is malformed
 * @param problem why the record is malformed ({@link #INVALID_UTF8}, {@link #UNTERMINATED_QUOTE}
 *     or {@link #TEXT_AFTER_CLOSING_QUOTE}), or null when it was read cleanly
 */
public record CsvRecord(long startLine, String rawText, List<String> fields, String problem) {

  /** The record's bytes are not valid UTF-8. */
  public static final String INVALID_UTF8 = "invalid UTF-8";

  /** A quoted field is still open at the end of the file. */
  public static final String UNTERMINATED_QUOTE = "unterminated quoted field";

  /** A character other than a space, tab, comma or line break follows a closing quote. */
  public static final String TEXT_AFTER_CLOSING_QUOTE = "text after a closing quote";

  public CsvRecord {
    fields = List.copyOf(fields);
  }

  /** A well-formed record when {@code malformed} is false, else one with an unspecified problem. */
  public CsvRecord(long startLine, String rawText, List<String> fields, boolean malformed) {
    this(startLine, rawText, fields, malformed ? "malformed record" : null);
  }

  /** True when the record could not be read as CSV (see {@link #problem()}). */
  public boolean malformed() {
    return problem != null;
  }

  /**
   * Why this record is no record of a header {@code headerWidth} columns wide, as a reject's
   * detail ({@code record: unterminated quoted field}, {@code record: 15 fields, header has 14}),
   * or null when it is one. Counts only, never values: the record may hold personal data.
   */
  public String malformedDetail(int headerWidth) {
    if (malformed()) {
      return "record: " + problem;
    }
    if (fields.size() != headerWidth) {
      return "record: " + fields.size() + (fields.size() == 1 ? " field" : " fields")
          + ", header has " + headerWidth;
    }
    return null;
  }
}
