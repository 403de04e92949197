package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.CsvRecordScanner;
import com.channelexpansion.ingest.read.ExportHeaderException;
import com.channelexpansion.ingest.read.RecordCheck;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A source file read with {@link CsvRecordScanner} (physical line numbers, RFC 4180 rules) in a
 * given dialect: its header (the first record) and an iterator over the records after it, each
 * either well-formed or malformed with the reject's detail ({@link CsvRecord#detail()}). I/O
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
   * Reads the header of {@code in}; every later record must have the header's width and no
   * control character in the columns the product reads (PRODUCT.md checks only those in Shopify
   * and mapped sources: a note typed with a stray control key must not reject a sale).
   *
   * @param readColumns the names of the columns the format reads (case ignored; a name the
   *     header lacks is skipped)
   * @throws ExportHeaderException when the header record is malformed
   */
  static DelimitedFile open(
      String sourceFile,
      InputStream in,
      char delimiter,
      Charset charset,
      Collection<String> readColumns) {
    CsvRecordScanner scanner = new CsvRecordScanner(in, delimiter, charset);
    if (!hasNext(sourceFile, scanner)) {
      return new DelimitedFile(sourceFile, scanner, null);
    }
    CsvRecord first = scanner.next();
    if (first.malformed()) {
      throw new ExportHeaderException(sourceFile, first.startLine(), first.detail());
    }
    HeaderIndex header = new HeaderIndex(first.fields());
    List<String> names = new ArrayList<>(readColumns);
    int[] positions = names.stream().mapToInt(header::positionOf).toArray();
    scanner.check(
        RecordCheck.width(header.width()).then(RecordCheck.noControlCharacters(names, positions)));
    return new DelimitedFile(sourceFile, scanner, header);
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
