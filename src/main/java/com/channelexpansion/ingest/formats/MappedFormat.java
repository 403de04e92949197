package com.channelexpansion.ingest.formats;

import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
 *
 * <p>This class picks the files and opens them; {@link MappedColumns} resolves the mapped columns
 * in a header, {@link MappedOrderFile} reads the order file of a pair, {@link MappedLineReader}
 * streams the line records and {@link MappedLineValues} extracts and converts each one's values.
 */
public final class MappedFormat implements SourceFormat {
  private static final long serialVersionUID = 1L;

  private final ColumnMapping mapping;

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
    MappedColumns columns = new MappedColumns(mapping);
    DelimitedFile file = open(columns, sourceFile, in, FieldSource.Kind.COLUMN, null);
    return new MappedLineReader(columns, file, Map.of(), null, null, List.of());
  }

  @Override
  public Iterator<SourceRecord> read(
      String orderFile, InputStream orderIn, String lineFile, InputStream lineIn) {
    if (!mapping.headerDetail()) {
      throw new UnsupportedOperationException(
          "Cannot read a file pair: mapping " + mapping.mappingFile() + " has no line_file");
    }
    MappedColumns columns = new MappedColumns(mapping);
    DelimitedFile orders =
        open(columns, orderFile, orderIn, FieldSource.Kind.ORDER_COLUMN, mapping.joinKey());
    MappedOrderFile orderFileRead =
        MappedOrderFile.read(columns, mapping.joinKey(), orderFile, orders);
    DelimitedFile lines =
        open(columns, lineFile, lineIn, FieldSource.Kind.COLUMN, mapping.lineJoinKey());
    return new MappedLineReader(
        columns, lines, orderFileRead.valuesByKey(), orderFileRead.headerMissing(),
        mapping.lineJoinKey(), orderFileRead.malformed());
  }

  /**
   * Opens a file whose read columns are the mapped columns of {@code kind} and the join key
   * (null for a single file).
   */
  private DelimitedFile open(
      MappedColumns columns, String sourceFile, InputStream in, FieldSource.Kind kind,
      String joinKey) {
    List<String> read = columns.readColumns(kind, joinKey);
    return DelimitedFile.open(sourceFile, in, mapping.delimiter(), mapping.charset(), read);
  }

  @Override
  public String toString() {
    return "mapped(" + mapping.mappingFile() + ")";
  }
}
