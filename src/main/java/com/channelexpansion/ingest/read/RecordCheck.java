package com.channelexpansion.ingest.read;

import java.util.List;

/**
 * What makes a record the scanner read cleanly as CSV still no record of its file: a width other
 * than the header's, a control character in a value the product reads. The scanner applies it
 * itself (see {@link CsvRecordScanner#check}) because a record that fails it while spanning
 * several physical lines must be rejected as its first line alone, with reading resuming on the
 * line after: only the scanner can go back there.
 */
@FunctionalInterface
public interface RecordCheck {

  /** Why the record with these field values is malformed, as a reject's detail; null when not. */
  String problem(List<String> fields);

  /** Records must have exactly the header's width ({@code record: 15 fields, header has 14}). */
  static RecordCheck width(int headerWidth) {
    return fields ->
        fields.size() == headerWidth
            ? null
            : "record: " + fields.size() + (fields.size() == 1 ? " field" : " fields")
                + ", header has " + headerWidth;
  }

  /**
   * The values at {@code positions} (those less than the record's width) must hold no control
   * character; the detail names the column ({@code order_id: control character U+0000}).
   *
   * @param names the column name of each position, for details
   */
  static RecordCheck noControlCharacters(List<String> names, int[] positions) {
    List<String> columns = List.copyOf(names);
    int[] at = positions.clone();
    return fields -> {
      for (int i = 0; i < at.length; i++) {
        if (at[i] >= 0 && at[i] < fields.size()) {
          String problem = ControlCharacters.problem(columns.get(i), fields.get(at[i]));
          if (problem != null) {
            return problem;
          }
        }
      }
      return null;
    };
  }

  /** This check, then {@code next} when this one finds nothing. */
  default RecordCheck then(RecordCheck next) {
    return fields -> {
      String problem = problem(fields);
      return problem != null ? problem : next.problem(fields);
    };
  }
}
