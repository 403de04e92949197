package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.RawOrderLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order (header) file of a header/detail pair, read whole (it is the small one): the
 * order-level values of each order by join key (a repeated key keeps the first record), a
 * malformed_row for each malformed order record (file, line, raw text), and what its header lacks.
 */
final class MappedOrderFile {
  private final Map<String, String[]> valuesByKey = new HashMap<>();
  private final List<SourceRecord> malformed = new ArrayList<>();
  private String headerMissing = "order file: no header";

  private MappedOrderFile() {}

  /** Reads every record of {@code orders}, opened for the order columns and the join key. */
  static MappedOrderFile read(
      MappedColumns columns, String joinKey, String orderFile, DelimitedFile orders) {
    MappedOrderFile read = new MappedOrderFile();
    if (orders.header() != null) {
      int key = orders.header().positionOf(joinKey);
      int[] positions = columns.positions(orders.header(), FieldSource.Kind.ORDER_COLUMN);
      List<String> missing = new ArrayList<>();
      if (key < 0) {
        missing.add(joinKey);
      }
      missing.addAll(columns.missingRequired(positions, FieldSource.Kind.ORDER_COLUMN));
      read.headerMissing =
          missing.isEmpty() ? null : "order file " + RawOrderLine.headerLacks(missing);
      read.readRecords(columns, orderFile, orders, key, positions);
    }
    return read;
  }

  private void readRecords(
      MappedColumns columns, String orderFile, DelimitedFile orders, int key, int[] positions) {
    while (orders.hasNext()) {
      CsvRecord record = orders.next();
      if (record.malformed()) {
        RawOrderLine line =
            RawOrderLine.malformed(orderFile, record.startLine(), record.rawText(), record.detail());
        malformed.add(SourceRecord.of(line));
      } else if (key >= 0) {
        String keyValue = columns.value(record.fields(), key);
        if (keyValue != null) {
          valuesByKey.putIfAbsent(keyValue, columns.pick(record.fields(), positions));
        }
      }
    }
  }

  /** Each order's values for {@link MappedColumns#FIELDS} read from order columns, by join key. */
  Map<String, String[]> valuesByKey() {
    return valuesByKey;
  }

  /** A malformed_row for each malformed order record, in file order. */
  List<SourceRecord> malformed() {
    return malformed;
  }

  /**
   * Null when the header has the join key and every required order column; else the detail
   * saying what it lacks (or that there is no header).
   */
  String headerMissing() {
    return headerMissing;
  }
}
