package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.RawOrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header resolution of {@link MappedFormat}: which columns a {@link ColumnMapping} reads from
 * a file, where the file's header has them, which required ones it lacks, and the value a record
 * holds at a resolved position (null when empty or a null token).
 */
final class MappedColumns {
  static final List<String> CANONICAL = RawOrderLine.CANONICAL_COLUMNS;
  /** The canonical columns, then the order-level discount: the values a record is read into. */
  static final List<String> FIELDS = fields();
  static final int ORDER_DISCOUNT = CANONICAL.size();
  static final int ORDER_ID = CANONICAL.indexOf("order_id");
  static final int LINE_NUMBER = CANONICAL.indexOf("line_number");
  static final int ORDER_TIMESTAMP = CANONICAL.indexOf("order_timestamp");
  static final int QUANTITY = CANONICAL.indexOf("quantity");
  static final int UNIT_PRICE = CANONICAL.indexOf("unit_price");
  static final int DISCOUNT = CANONICAL.indexOf("discount_amount");
  static final int UPDATED_AT = CANONICAL.indexOf("updated_at");

  private final ColumnMapping mapping;

  MappedColumns(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  ColumnMapping mapping() {
    return mapping;
  }

  private static List<String> fields() {
    List<String> fields = new ArrayList<>(CANONICAL);
    fields.add(MappingLoader.ORDER_DISCOUNT);
    return List.copyOf(fields);
  }

  /** The columns a file is read for: the mapped columns of {@code kind}, then the join key (if any). */
  List<String> readColumns(FieldSource.Kind kind, String joinKey) {
    List<String> read = new ArrayList<>();
    for (String field : FIELDS) { // in a fixed order, so the detail names the same column each run
      FieldSource source = mapping.fields().get(field);
      if (source != null && source.kind() == kind) {
        read.add(source.text());
      }
    }
    if (joinKey != null) {
      read.add(joinKey);
    }
    return read;
  }

  /** For each field of {@link #FIELDS} read from a column of {@code kind}, its position (-1 = absent). */
  int[] positions(HeaderIndex header, FieldSource.Kind kind) {
    int[] positions = new int[FIELDS.size()];
    for (int i = 0; i < positions.length; i++) {
      FieldSource source = mapping.fields().get(FIELDS.get(i));
      positions[i] = source != null && source.kind() == kind ? header.positionOf(source.text()) : -1;
    }
    return positions;
  }

  /** The mapped columns of this kind, for required fields, that have no position. */
  List<String> missingRequired(int[] positions, FieldSource.Kind kind) {
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < CANONICAL.size(); i++) {
      FieldSource source = mapping.fields().get(CANONICAL.get(i));
      if (source != null
          && source.kind() == kind
          && positions[i] < 0
          && RawOrderLine.REQUIRED_COLUMNS.contains(CANONICAL.get(i))) {
        missing.add(source.text());
      }
    }
    return missing;
  }

  /** The values at {@code positions} (null where -1, empty or a null token). */
  String[] pick(List<String> fields, int[] positions) {
    String[] values = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] >= 0) {
        values[i] = value(fields, positions[i]);
      }
    }
    return values;
  }

  String value(List<String> fields, int position) {
    String value = fields.get(position);
    if (value.isEmpty() || mapping.nullTokens().contains(value.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return value;
  }
}
