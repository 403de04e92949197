package com.channelexpansion.ingest.formats;

import static com.channelexpansion.ingest.formats.MappedColumns.DISCOUNT;
import static com.channelexpansion.ingest.formats.MappedColumns.FIELDS;
import static com.channelexpansion.ingest.formats.MappedColumns.LINE_NUMBER;
import static com.channelexpansion.ingest.formats.MappedColumns.ORDER_ID;
import static com.channelexpansion.ingest.formats.MappedColumns.ORDER_TIMESTAMP;
import static com.channelexpansion.ingest.formats.MappedColumns.QUANTITY;
import static com.channelexpansion.ingest.formats.MappedColumns.UNIT_PRICE;
import static com.channelexpansion.ingest.formats.MappedColumns.UPDATED_AT;

import com.channelexpansion.ingest.read.CsvRecord;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-row value extraction of {@link MappedFormat}: a line record's values for
 * {@link MappedColumns#FIELDS}, each taken from its mapped column, constant, order (by the join
 * key) or position, then converted ({@link MappedValues}). Keeps, for line_number by position, how
 * many lines of each order it has seen.
 */
final class MappedLineValues {
  private final MappedColumns columns;
  private final ColumnMapping mapping;
  /** Position of each field's mapped column in the line file's header (-1 = not a column). */
  private final int[] positions;
  /** Position of the line join key, or -1 for a single file. */
  private final int joinPosition;
  private final Map<String, String[]> orders;
  private final Map<String, Integer> positionsInOrder = new HashMap<>();
  private DateTimeFormatter formatter;

  MappedLineValues(
      MappedColumns columns, int[] positions, int joinPosition, Map<String, String[]> orders) {
    this.columns = columns;
    this.mapping = columns.mapping();
    this.positions = positions;
    this.joinPosition = joinPosition;
    this.orders = orders;
  }

  /** The record's values for {@link MappedColumns#FIELDS}, mapped, joined to its order and converted. */
  String[] of(CsvRecord record) {
    String[] v = columns.pick(record.fields(), positions);
    String[] order =
        joinPosition < 0 ? null : orders.get(columns.value(record.fields(), joinPosition));
    for (int i = 0; i < v.length; i++) {
      FieldSource source = mapping.fields().get(FIELDS.get(i));
      if (source == null) {
        continue;
      }
      switch (source.kind()) {
        case CONSTANT -> v[i] = source.text();
        case ORDER_COLUMN -> v[i] = order == null ? null : order[i];
        default -> {}
      }
    }
    FieldSource lineNumber = mapping.fields().get("line_number");
    if (lineNumber.kind() == FieldSource.Kind.POSITION && v[ORDER_ID] != null) {
      v[LINE_NUMBER] = Integer.toString(positionsInOrder.merge(v[ORDER_ID], 1, Integer::sum));
    }
    convert(v);
    return v;
  }

  /** Converts the timestamps and numbers in place, and a fractional discount into an amount. */
  private void convert(String[] v) {
    v[ORDER_TIMESTAMP] = MappedValues.timestamp(v[ORDER_TIMESTAMP], formatter());
    v[UPDATED_AT] = MappedValues.timestamp(v[UPDATED_AT], formatter());
    v[QUANTITY] = MappedValues.number(v[QUANTITY], mapping.decimalComma());
    v[UNIT_PRICE] = MappedValues.number(v[UNIT_PRICE], mapping.decimalComma());
    v[DISCOUNT] = MappedValues.number(v[DISCOUNT], mapping.decimalComma());
    if (mapping.discountIsFractionOfLine()) {
      v[DISCOUNT] = MappedValues.discountFromFraction(v[QUANTITY], v[UNIT_PRICE], v[DISCOUNT]);
    }
  }

  private DateTimeFormatter formatter() {
    if (formatter == null && mapping.timestampPattern() != null) {
      formatter = MappedValues.formatter(mapping.timestampPattern());
    }
    return formatter;
  }
}
