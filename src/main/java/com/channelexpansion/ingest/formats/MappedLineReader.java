package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.Parsed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams the records of a file of order lines read through a mapping (single file, or the line
 * file of a pair), an order's adjacent lines together so that its order-level discount can be
 * spread over them.
 */
final class MappedLineReader extends OrderRunReader {
  private final MappedColumns columns;
  private final Iterator<SourceRecord> first;
  private final int joinPosition;
  private final int orderIdPosition;
  /** Null when the file has no header. */
  private final MappedLineValues values;
  /** Null, or the detail of every line when a header lacks a required column. */
  private final String headerMissing;
  private final Set<String> ordersSeen = new HashSet<>();

  /**
   * @param orders the order-level values by join key (empty for a single file)
   * @param orderHeaderMissing null for a single file or an order file whose header has the join
   *     key and every required order column; else the detail saying what it lacks
   * @param lineJoinKey null for a single file
   * @param first records given out before the file's (the order file's malformed rows)
   */
  MappedLineReader(
      MappedColumns columns,
      DelimitedFile file,
      Map<String, String[]> orders,
      String orderHeaderMissing,
      String lineJoinKey,
      List<SourceRecord> first) {
    super(file);
    this.columns = columns;
    this.first = first.iterator();
    HeaderIndex header = file.header();
    int[] positions = header == null ? null : columns.positions(header, FieldSource.Kind.COLUMN);
    this.joinPosition = header == null || lineJoinKey == null ? -1 : header.positionOf(lineJoinKey);
    this.orderIdPosition = positions == null ? -1 : positions[MappedColumns.ORDER_ID];
    this.values =
        positions == null ? null : new MappedLineValues(columns, positions, joinPosition, orders);
    List<String> missing = new ArrayList<>();
    if (header != null) {
      missing.addAll(columns.missingRequired(positions, FieldSource.Kind.COLUMN));
      if (lineJoinKey != null && joinPosition < 0) {
        missing.add(lineJoinKey);
      }
    }
    this.headerMissing =
        header == null ? null
            : !missing.isEmpty() ? RawOrderLine.headerLacks(missing) : orderHeaderMissing;
  }

  @Override
  public boolean hasNext() {
    return first.hasNext() || super.hasNext();
  }

  @Override
  public SourceRecord next() {
    return first.hasNext() ? first.next() : super.next();
  }

  @Override
  protected String orderKey(List<String> fields) {
    int position = orderIdPosition >= 0 ? orderIdPosition : joinPosition;
    return position < 0 ? null : columns.value(fields, position);
  }

  @Override
  protected SourceRecord malformed(CsvRecord record) {
    return SourceRecord.of(
        RawOrderLine.malformed(
            file().sourceFile(), record.startLine(), record.rawText(), record.detail()));
  }

  @Override
  protected List<SourceRecord> readRun(List<CsvRecord> run) {
    String key = orderKey(run.get(0).fields());
    boolean startsOrder = key == null || ordersSeen.add(key);
    List<RawOrderLine> lines = new ArrayList<>();
    String discountText = null;
    for (CsvRecord record : run) {
      String[] v = values.of(record);
      if (lines.isEmpty()) {
        discountText =
            MappedValues.number(v[MappedColumns.ORDER_DISCOUNT], columns.mapping().decimalComma());
      }
      lines.add(
          new RawOrderLine(
              file().sourceFile(), record.startLine(), record.rawText(), null, headerMissing,
              v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
              v[13]));
    }
    String problem = null;
    BigDecimal discount = null;
    if (startsOrder && discountText != null) {
      Parsed<BigDecimal> value = ExportNumbers.parseDecimal(discountText);
      if (value.ok()) {
        discount = value.value();
        lines = OrderLevelDiscount.spread(discount, lines);
      } else {
        problem = MappingLoader.ORDER_DISCOUNT + ": " + value.problem();
      }
    }
    List<SourceRecord> records = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      OrderLevel order = new OrderLevel(problem, null, i == 0 ? discount : null);
      records.add(new SourceRecord(lines.get(i), null, order));
    }
    return records;
  }
}
