package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.CsvRecordScanner;
import com.channelexpansion.ingest.read.ExportHeaderException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A source file read with {@link CsvRecordScanner} (physical line numbers, RFC 4180 rules) in a
 * given dialect: its header (the first record) and an iterator over the records after it. I/O
 * errors name the file.
 */
final class DelimitedFile implements Iterator<CsvRecord> {
  private final String sourceFile;
  private final CsvRecordScanner scanner;
  private final HeaderIndex header;

  private DelimitedFile(String sourceFile, CsvRecordScanner scanner, HeaderIndex header) {
    this.sourceFile = sourceFile;
    this.scanner = scanner;
    this.header = header;
  }

  /**
   * Reads the header of {@code in}.
   *
   * @throws ExportHeaderException when the header record is malformed
   */
  static DelimitedFile open(String sourceFile, InputStream in, char delimiter, Charset charset) {
    CsvRecordScanner scanner = new CsvRecordScanner(in, delimiter, charset);
    if (!hasNext(sourceFile, scanner)) {
      return new DelimitedFile(sourceFile, scanner, null);
    }
    CsvRecord first = scanner.next();
    if (first.malformed()) {
      throw new ExportHeaderException(sourceFile, first.startLine(), first.problem());
    }
    return new DelimitedFile(sourceFile, scanner, new HeaderIndex(first.fields()));
  }

  /** The header, or null when the file has none (it then has no records either). */
  HeaderIndex header() {
    return header;
  }

  String sourceFile() {
    return sourceFile;
  }

  @Override
  public boolean hasNext() {
    return header != null && hasNext(sourceFile, scanner);
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return scanner.next();
  }

  /**
   * Why the record cannot be read as a record of the header's width (the reject's detail), or
   * null when it can.
   */
  String malformedDetail(CsvRecord record) {
    return record.malformedDetail(header.width());
  }

  private static boolean hasNext(String sourceFile, CsvRecordScanner scanner) {
    try {
      return scanner.hasNext();
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "Cannot read export file: " + sourceFile + " (" + e.getCause().getMessage() + ")",
          e.getCause());
    }
  }
}
