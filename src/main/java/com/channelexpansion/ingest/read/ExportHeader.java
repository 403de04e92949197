package com.channelexpansion.ingest.read;

import com.channelexpansion.ingest.RawOrderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of an order export: which record position holds each canonical column
 * ({@link RawOrderLine#CANONICAL_COLUMNS}). Names are trimmed and matched ignoring ASCII case;
 * extra columns are ignored; of two columns with the same name the first counts.
 */
public final class ExportHeader {
  private static final List<String> CANONICAL = RawOrderLine.CANONICAL_COLUMNS;

  private final int width;
  /** For each canonical column (in CANONICAL_COLUMNS order), its position in a record or -1. */
  private final int[] positions;
  private final List<String> missingRequired;

  private ExportHeader(int width, int[] positions) {
    this.width = width;
    this.positions = positions;
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < CANONICAL.size(); i++) {
      if (positions[i] < 0 && RawOrderLine.REQUIRED_COLUMNS.contains(CANONICAL.get(i))) {
        missing.add(CANONICAL.get(i));
      }
    }
    this.missingRequired = List.copyOf(missing);
  }

  /** Reads the header record's field values (column names). */
  public static ExportHeader of(List<String> names) {
    int[] positions = new int[CANONICAL.size()];
    Arrays.fill(positions, -1);
    for (int position = 0; position < names.size(); position++) {
      int canonical = CANONICAL.indexOf(asciiLowerCase(trimSpacesAndTabs(names.get(position))));
      if (canonical >= 0 && positions[canonical] < 0) {
        positions[canonical] = position;
      }
    }
    return new ExportHeader(names.size(), positions);
  }

  /** Number of columns the header declares: every record must have exactly this many fields. */
  public int width() {
    return width;
  }

  /** Position (0-based) of a canonical column in the file's records, or -1 when absent. */
  public int positionOf(String canonicalColumn) {
    int canonical = CANONICAL.indexOf(canonicalColumn);
    if (canonical < 0) {
      throw new IllegalArgumentException(
          "Cannot look up column: not a canonical export column (" + canonicalColumn + ")");
    }
    return positions[canonical];
  }

  /** True when the header lacks a required column: every row of the file is then rejected. */
  public boolean missingRequired() {
    return !missingRequired.isEmpty();
  }

  /** The required columns the header lacks, in canonical order. */
  public List<String> missingRequiredColumns() {
    return missingRequired;
  }

  /**
   * The canonical values of a record of this header's width, in CANONICAL_COLUMNS order: null for
   * an empty value or a column the header lacks.
   */
  String[] canonicalValues(List<String> fields) {
    String[] values = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      int position = positions[i];
      if (position >= 0) {
        String value = fields.get(position);
        values[i] = value.isEmpty() ? null : value;
      }
    }
    return values;
  }

  private static String trimSpacesAndTabs(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  private static String asciiLowerCase(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return chars == null ? s : new String(chars);
  }
}
