package com.channelexpansion.ingest.read;

import java.util.Arrays;
import java.util.List;

/**
 * The field values of the record {@link CsvRecordScanner} is reading, as bytes back to back with
 * each field's range, trimmed of spaces and tabs when the field ends; decoded only once the whole
 * record is known to be valid. Reused from record to record.
 */
final class FieldValues {
  private final ByteBuilder bytes = new ByteBuilder();
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int count;
  private int fieldStart;

  void clear() {
    bytes.truncate(0);
    count = 0;
    fieldStart = 0;
  }

  /** Appends a byte of the current field's value. */
  void append(int b) {
    bytes.append(b);
  }

  /** Closes the current field: records its value range trimmed of spaces and tabs. */
  void endField() {
    byte[] array = bytes.array();
    int from = fieldStart;
    int to = bytes.length();
    while (from < to && (array[from] == ' ' || array[from] == '\t')) {
      from++;
    }
    while (to > from && (array[to - 1] == ' ' || array[to - 1] == '\t')) {
      to--;
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    starts[count] = from;
    ends[count] = to;
    count++;
    fieldStart = bytes.length();
  }

  /** The closed fields' values, decoded with {@code charset}. */
  List<String> decode(RecordCharset charset) {
    byte[] array = bytes.array();
    String[] fields = new String[count];
    for (int i = 0; i < count; i++) {
      fields[i] = starts[i] == ends[i] ? "" : charset.decode(array, starts[i], ends[i] - starts[i]);
    }
    return Arrays.asList(fields);
  }
}
