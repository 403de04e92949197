package com.channelexpansion.ingest.read;

/**
 * The raw_record of a canonical export's record with personal data masked (PRODUCT.md, "In
 * rejects of a canonical file"): each non-empty value of a column the header does not read (an
 * extra column, the second of two columns with the same name, a field beyond the header's width)
 * becomes {@code *}, its quotes and surrounding blanks included. Everything else stays as in the
 * file, delimiters too, so the user still sees which field of the record was wrong.
 *
 * <p>A record that cannot be split into fields (text after a closing quote, a quote still open)
 * is split as far as it can be; from the first field that cannot be split off, the rest of the
 * record is one {@code *}: its field boundaries are unknown, so any of it may be a personal
 * value. Such a record's reject detail still says what was wrong with it.
 *
 * <p>Pure and cheap when nothing is masked: a well-formed record of a header whose every column is
 * read is returned as is, without a second scan.
 */
final class RawRecordMask {
  private static final char DELIMITER = ',';
  private static final char QUOTE = '"';
  private static final String MASK = "*";

  private RawRecordMask() {}

  /** The record's raw text, masked for {@code header}. */
  static String of(ExportHeader header, CsvRecord record) {
    if (!record.malformed()
        && record.fields().size() <= header.width()
        && header.readsEveryColumn()) {
      return record.rawText();
    }
    return mask(header, record.rawText());
  }

  /** Masks {@code raw} (a record's text as in the file) field by field. */
  static String mask(ExportHeader header, String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int start = 0;
    for (int position = 0; ; position++) {
      int end = endOfField(raw, start);
      if (end < 0) {
        return out.append(MASK).toString();
      }
      String field = raw.substring(start, end);
      out.append(header.reads(position) || emptyValue(field) ? field : MASK);
      if (end == raw.length()) {
        return out.toString();
      }
      out.append(DELIMITER);
      start = end + 1;
    }
  }

  /**
   * Where the field starting at {@code start} ends (the index of its delimiter, or the text's
   * length), or -1 when it cannot be told: a quote never closed, or text after the closing quote.
   * As the scanner, a field is quoted only when its very first character is a quote.
   */
  private static int endOfField(String raw, int start) {
    if (start >= raw.length() || raw.charAt(start) != QUOTE) {
      int delimiter = raw.indexOf(DELIMITER, start);
      return delimiter < 0 ? raw.length() : delimiter;
    }
    int i = start + 1;
    while (true) {
      int quote = raw.indexOf(QUOTE, i);
      if (quote < 0) {
        return -1;
      }
      if (quote + 1 < raw.length() && raw.charAt(quote + 1) == QUOTE) {
        i = quote + 2;
        continue;
      }
      int after = quote + 1;
      while (after < raw.length() && isBlank(raw.charAt(after))) {
        after++;
      }
      return after == raw.length() || raw.charAt(after) == DELIMITER ? after : -1;
    }
  }

  /** True when the field's value is empty: only blanks, or a quoted value of only blanks. */
  private static boolean emptyValue(String field) {
    String value = trimBlanks(field);
    if (value.length() >= 2 && value.charAt(0) == QUOTE && value.charAt(value.length() - 1) == QUOTE) {
      value = trimBlanks(value.substring(1, value.length() - 1));
    }
    return value.isEmpty();
  }

  private static String trimBlanks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isBlank(s.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
