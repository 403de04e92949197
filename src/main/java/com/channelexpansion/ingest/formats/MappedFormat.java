package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.Parsed;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ERP or storefront export read through a {@link ColumnMapping}: one file of order lines, or
 * an order (header) file plus a line (detail) file joined on a key.
 *
 * <p>Files are scanned with the RFC 4180 / physical-line rules of the canonical format, in the
 * mapping's encoding and delimiter; a record of another width than its header is malformed_row.
 * Each canonical field takes its mapped column, constant or position; a value equal to a null
 * token is empty; then timestamps are converted with the mapping's pattern, numbers with its
 * decimal separator, and a fractional discount into an amount ({@link MappedValues}). A mapped
 * column the header lacks makes every row missing_required_field when the field is required
 * (detail {@code header: no column <mapped column>}, or {@code order file header: ...}), and
 * leaves the field empty otherwise.
 *
 * <p>Header/detail: the order file is read whole first (it is the small one): each malformed
 * order record becomes a malformed_row of the order file (file, line, raw text); a repeated key
 * keeps the first record. Then every line record becomes one line, with source_file, source_line
 * and raw_record of the line file and the order-level fields of its order; a line whose order is
 * missing or was malformed gets no order-level values, so it fails as missing_required_field.
 */
public final class MappedFormat implements SourceFormat {
  private static final long serialVersionUID = 1L;
  private static final List<String> CANONICAL = RawOrderLine.CANONICAL_COLUMNS;
  /** The canonical columns, then the order-level discount: the values a record is read into. */
  private static final List<String> FIELDS = fields();
  private static final int ORDER_DISCOUNT = CANONICAL.size();
  private static final int ORDER_ID = CANONICAL.indexOf("order_id");
  private static final int LINE_NUMBER = CANONICAL.indexOf("line_number");
  private static final int ORDER_TIMESTAMP = CANONICAL.indexOf("order_timestamp");
  private static final int QUANTITY = CANONICAL.indexOf("quantity");
  private static final int UNIT_PRICE = CANONICAL.indexOf("unit_price");
  private static final int DISCOUNT = CANONICAL.indexOf("discount_amount");
  private static final int UPDATED_AT = CANONICAL.indexOf("updated_at");

  private final ColumnMapping mapping;
  private transient DateTimeFormatter formatter;

  public MappedFormat(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  public ColumnMapping mapping() {
    return mapping;
  }

  @Override
  public boolean headerDetail() {
    return mapping.headerDetail();
  }

  @Override
  public FileRole roleOf(String fileName) {
    if (mapping.headerDetail() && FileNamePattern.match(mapping.lineFilePattern(), fileName) != null) {
      return FileRole.LINE_FILE;
    }
    return FileNamePattern.match(mapping.orderFilePattern(), fileName) != null
        ? FileRole.EXPORT
        : FileRole.NOT_AN_EXPORT;
  }

  @Override
  public String lineFileNameFor(String orderFileName) {
    if (!mapping.headerDetail()) {
      return null;
    }
    String star = FileNamePattern.match(mapping.orderFilePattern(), orderFileName);
    return star == null ? null : FileNamePattern.expand(mapping.lineFilePattern(), star);
  }

  @Override
  public boolean headerless(String sourceFile, InputStream in) {
    return DelimitedFile.open(sourceFile, in, mapping.delimiter(), mapping.charset(), List.of())
            .header()
        == null;
  }

  @Override
  public Iterator<SourceRecord> read(String sourceFile, InputStream in) {
    if (mapping.headerDetail()) {
      throw new UnsupportedOperationException(
          "Cannot read " + sourceFile + " alone: mapping " + mapping.mappingFile()
              + " joins an order file and a line file");
    }
    DelimitedFile file = open(sourceFile, in, FieldSource.Kind.COLUMN, null);
    return new LineReader(file, Map.of(), null, null, List.of());
  }

  @Override
  public Iterator<SourceRecord> read(
      String orderFile, InputStream orderIn, String lineFile, InputStream lineIn) {
    if (!mapping.headerDetail()) {
      throw new UnsupportedOperationException(
          "Cannot read a file pair: mapping " + mapping.mappingFile() + " has no line_file");
    }
    DelimitedFile orders = open(orderFile, orderIn, FieldSource.Kind.ORDER_COLUMN, mapping.joinKey());
    Map<String, String[]> orderValues = new HashMap<>();
    List<SourceRecord> malformedOrders = new ArrayList<>();
    String orderHeaderMissing = "order file: no header";
    if (orders.header() != null) {
      int key = orders.header().positionOf(mapping.joinKey());
      int[] positions = positions(orders.header(), FieldSource.Kind.ORDER_COLUMN);
      List<String> missing = new ArrayList<>();
      if (key < 0) {
        missing.add(mapping.joinKey());
      }
      missing.addAll(missingRequired(positions, FieldSource.Kind.ORDER_COLUMN));
      orderHeaderMissing =
          missing.isEmpty() ? null : "order file " + RawOrderLine.headerLacks(missing);
      while (orders.hasNext()) {
        CsvRecord record = orders.next();
        if (record.malformed()) {
          RawOrderLine line =
              RawOrderLine.malformed(
                  orderFile, record.startLine(), record.rawText(), record.detail());
          malformedOrders.add(SourceRecord.of(line));
        } else if (key >= 0) {
          String keyValue = value(record.fields(), key);
          if (keyValue != null) {
            orderValues.putIfAbsent(keyValue, pick(record.fields(), positions));
          }
        }
      }
    }
    DelimitedFile lines = open(lineFile, lineIn, FieldSource.Kind.COLUMN, mapping.lineJoinKey());
    return new LineReader(
        lines, orderValues, orderHeaderMissing, mapping.lineJoinKey(), malformedOrders);
  }

  /**
   * Opens a file whose read columns are the mapped columns of {@code kind} and the join key
   * (null for a single file).
   */
  private DelimitedFile open(
      String sourceFile, InputStream in, FieldSource.Kind kind, String joinKey) {
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
    return DelimitedFile.open(sourceFile, in, mapping.delimiter(), mapping.charset(), read);
  }

  private static List<String> fields() {
    List<String> fields = new ArrayList<>(CANONICAL);
    fields.add(MappingLoader.ORDER_DISCOUNT);
    return List.copyOf(fields);
  }

  /** For each field of {@link #FIELDS} read from a column of {@code kind}, its position (-1 = absent). */
  private int[] positions(HeaderIndex header, FieldSource.Kind kind) {
    int[] positions = new int[FIELDS.size()];
    for (int i = 0; i < positions.length; i++) {
      FieldSource source = mapping.fields().get(FIELDS.get(i));
      positions[i] = source != null && source.kind() == kind ? header.positionOf(source.text()) : -1;
    }
    return positions;
  }

  /** The mapped columns of this kind, for required fields, that have no position. */
  private List<String> missingRequired(int[] positions, FieldSource.Kind kind) {
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
  private String[] pick(List<String> fields, int[] positions) {
    String[] values = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] >= 0) {
        values[i] = value(fields, positions[i]);
      }
    }
    return values;
  }

  private String value(List<String> fields, int position) {
    String value = fields.get(position);
    if (value.isEmpty() || mapping.nullTokens().contains(value.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return value;
  }

  private DateTimeFormatter formatter() {
    if (formatter == null && mapping.timestampPattern() != null) {
      formatter = MappedValues.formatter(mapping.timestampPattern());
    }
    return formatter;
  }

  /**
   * Streams the records of a file of order lines (single file, or the line file of a pair), an
   * order's adjacent lines together so that its order-level discount can be spread over them.
   */
  private final class LineReader extends OrderRunReader {
    private final Map<String, String[]> orders;
    private final Iterator<SourceRecord> first;
    private final int joinPosition;
    private final int orderIdPosition;
    private final int[] positions;
    /** Null, or the detail of every line when a header lacks a required column. */
    private final String headerMissing;
    private final Map<String, Integer> positionsInOrder = new HashMap<>();
    private final Set<String> ordersSeen = new HashSet<>();

    /**
     * @param orderHeaderMissing null for a single file or an order file whose header has the join
     *     key and every required order column; else the detail saying what it lacks
     * @param lineJoinKey null for a single file
     */
    LineReader(
        DelimitedFile file,
        Map<String, String[]> orders,
        String orderHeaderMissing,
        String lineJoinKey,
        List<SourceRecord> first) {
      super(file);
      this.orders = orders;
      this.first = first.iterator();
      HeaderIndex header = file.header();
      this.positions = header == null ? null : positions(header, FieldSource.Kind.COLUMN);
      this.joinPosition = header == null || lineJoinKey == null ? -1 : header.positionOf(lineJoinKey);
      this.orderIdPosition = positions == null ? -1 : positions[ORDER_ID];
      List<String> missing = new ArrayList<>();
      if (header != null) {
        missing.addAll(missingRequired(positions, FieldSource.Kind.COLUMN));
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
      return position < 0 ? null : value(fields, position);
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
        String[] v = values(record);
        if (lines.isEmpty()) {
          discountText = MappedValues.number(v[ORDER_DISCOUNT], mapping.decimalComma());
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

    /** The record's values for {@link #FIELDS}, mapped, joined to its order and converted. */
    private String[] values(CsvRecord record) {
      String[] v = pick(record.fields(), positions);
      String[] order = joinPosition < 0 ? null : orders.get(value(record.fields(), joinPosition));
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
      v[ORDER_TIMESTAMP] = MappedValues.timestamp(v[ORDER_TIMESTAMP], formatter());
      v[UPDATED_AT] = MappedValues.timestamp(v[UPDATED_AT], formatter());
      v[QUANTITY] = MappedValues.number(v[QUANTITY], mapping.decimalComma());
      v[UNIT_PRICE] = MappedValues.number(v[UNIT_PRICE], mapping.decimalComma());
      v[DISCOUNT] = MappedValues.number(v[DISCOUNT], mapping.decimalComma());
      if (mapping.discountIsFractionOfLine()) {
        v[DISCOUNT] = MappedValues.discountFromFraction(v[QUANTITY], v[UNIT_PRICE], v[DISCOUNT]);
      }
      return v;
    }
  }

  @Override
  public String toString() {
    return "mapped(" + mapping.mappingFile() + ")";
  }
}
