package com.channelexpansion.ingest.read;

import java.util.List;

/**
 * One CSV record as read by {@link CsvRecordScanner}.
 *
 * @param startLine physical line (1-based) where the record starts
 * @param rawText the record's text as in the file: its physical lines joined with LF (whatever
 *     their original line break), without the final line break; bytes that are not valid UTF-8
 *     appear as U+FFFD. A malformed record that spanned several lines is its first line alone.
 * @param fields the trimmed field values; empty when the record is malformed
 * @param detail why the record is malformed, as a reject's detail ({@link #INVALID_UTF8},
 *     {@link #UNTERMINATED_QUOTE}, {@link #TEXT_AFTER_CLOSING_QUOTE} or what a {@link
 *     RecordCheck} found), or null when it was read cleanly. Counts and code points only, never
 *     values: the record may hold personal data.
 */
public record CsvRecord(long startLine, String rawText, List<String> fields, String detail) {

  /** The record's bytes are not valid UTF-8. */
  public static final String INVALID_UTF8 = "record: invalid UTF-8";

  /** A quoted field is still open at the end of the file. */
  public static final String UNTERMINATED_QUOTE = "record: unterminated quoted field";

  /** A character other than a space, tab, comma or line break follows a closing quote. */
  public static final String TEXT_AFTER_CLOSING_QUOTE = "record: text after a closing quote";

  public CsvRecord {
    fields = List.copyOf(fields);
  }

  /** True when the record is no record of its file (see {@link #detail()}). */
  public boolean malformed() {
    return detail != null;
  }
}
