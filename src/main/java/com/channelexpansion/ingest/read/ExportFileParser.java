package com.channelexpansion.ingest.read;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Turns one canonical order export into {@link RawOrderLine}s, streaming. The first record (after
 * any blank lines) is the header. A file with no record at all (empty, or only blank lines) is
 * {@link #headerless()} and yields nothing; a header that cannot be read throws
 * {@link ExportHeaderException} from {@link #parse}. Every later record becomes one line:
 * {@link RawOrderLine#malformed} when the scanner found it malformed, its field count differs
 * from the header's width or a value holds a control character (with a detail saying which; a
 * malformed record over several lines is its first line alone), else its canonical values (empty
 * = null) with {@code headerMissingDetail} naming the required columns the header lacks. Each
 * line's raw record has the values of columns the header does not read masked
 * ({@link RawRecordMask}).
 *
 * <p>The caller owns and closes the stream. I/O errors surface as {@link UncheckedIOException}
 * naming the file.
 */
public final class ExportFileParser implements Iterator<RawOrderLine> {
  private final String sourceFile;
  private final CsvRecordScanner scanner;
  private final ExportHeader header;

  private ExportFileParser(String sourceFile, CsvRecordScanner scanner, ExportHeader header) {
    this.sourceFile = sourceFile;
    this.scanner = scanner;
    this.header = header;
  }

  /**
   * Reads the header of {@code in} and returns an iterator over the file's remaining records.
   *
   * @param sourceFile the file's path relative to --input, used in every line and message
   * @throws ExportHeaderException when the header record is malformed or not valid UTF-8, or is
   *     a Shopify export's (its rows hold personal data: none may be read as canonical rejects)
   */
  public static ExportFileParser parse(String sourceFile, InputStream in) {
    CsvRecordScanner scanner = new CsvRecordScanner(in);
    if (!withFileName(sourceFile, scanner::hasNext)) {
      return new ExportFileParser(sourceFile, scanner, null);
    }
    CsvRecord first = scanner.next();
    if (first.malformed()) {
      throw new ExportHeaderException(sourceFile, first.startLine(), first.detail());
    }
    ExportHeader header = ExportHeader.of(first.fields());
    if (header.shopifyExport()) {
      throw ExportHeaderException.shopifyInCanonicalFolder(sourceFile);
    }
    scanner.check(recordCheck(first.fields()));
    return new ExportFileParser(sourceFile, scanner, header);
  }

  /**
   * A canonical record has the header's width and no control character in any of its values
   * (PRODUCT.md reads every value of a canonical export as data, extra columns included).
   */
  private static RecordCheck recordCheck(List<String> names) {
    int[] positions = new int[names.size()];
    Arrays.setAll(positions, i -> i);
    return RecordCheck.width(names.size())
        .then(RecordCheck.noControlCharacters(names, positions));
  }

  /** True when the file holds no header at all (empty or only blank lines): skip it, warn. */
  public boolean headerless() {
    return header == null;
  }

  /** The file's header, or null when {@link #headerless()}. */
  public ExportHeader header() {
    return header;
  }

  @Override
  public boolean hasNext() {
    return header != null && withFileName(sourceFile, scanner::hasNext);
  }

  @Override
  public RawOrderLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return toLine(sourceFile, header, scanner.next());
  }

  /** One record of a file with this header as a raw order line (pure; tests call it directly). */
  static RawOrderLine toLine(String sourceFile, ExportHeader header, CsvRecord record) {
    String raw = RawRecordMask.of(header, record);
    if (record.malformed()) {
      return RawOrderLine.malformed(sourceFile, record.startLine(), raw, record.detail());
    }
    String[] v = header.canonicalValues(record.fields());
    String headerMissing =
        header.missingRequired() ? RawOrderLine.headerLacks(header.missingRequiredColumns()) : null;
    return new RawOrderLine(
        sourceFile,
        record.startLine(),
        raw,
        null,
        headerMissing,
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
  }

  private static boolean withFileName(String sourceFile, java.util.function.BooleanSupplier step) {
    try {
      return step.getAsBoolean();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "Cannot read export file: " + sourceFile + " (" + e.getCause().getMessage() + ")",
          e.getCause());
    }
  }
}
