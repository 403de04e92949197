package com.channelexpansion.ingest.formats;

import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Optional;

/**
 * How the records of one kind of export become canonical order lines. Every format ends in
 * {@link SourceRecord}s (a {@link com.channelexpansion.ingest.read.RawOrderLine} plus an optional
 * exclusion), so validation, reject reasons and reports stay the same whatever the source.
 *
 * <p>Implementations are immutable and Serializable: Spark ships them to the executors. The
 * caller owns and closes the streams. A file with no header at all yields nothing; a header that
 * cannot be read throws {@link com.channelexpansion.ingest.read.ExportHeaderException}.
 */
public interface SourceFormat extends Serializable {

  /** Reads one export file whose name is {@code sourceFile} (path relative to --input). */
  Iterator<SourceRecord> read(String sourceFile, InputStream in);

  /** True when the format reads an order (header) file together with a line (detail) file. */
  default boolean headerDetail() {
    return false;
  }

  /**
   * Reads an order file and its line file together (only when {@link #headerDetail()}).
   *
   * @param orderFile the order file's path relative to --input
   * @param lineFile the line file's path relative to --input
   */
  default Iterator<SourceRecord> read(
      String orderFile, InputStream orderIn, String lineFile, InputStream lineIn) {
    throw new UnsupportedOperationException(
        "Cannot read a file pair: " + getClass().getSimpleName() + " reads single files");
  }

  /**
   * The key that turns this format's customer identities into customer ids, for formats that
   * pseudonymize customers (Shopify); empty for formats whose exports carry customer ids. The
   * {@code customer-key} command uses it to show sales ops the ids for accounts.csv.
   */
  default Optional<CustomerPseudonymizer> customerKey() {
    return Optional.empty();
  }

  /** What a file of the folder this format serves is, judged by its name (not its path). */
  default FileRole roleOf(String fileName) {
    return FileRole.EXPORT;
  }

  /**
   * For an order file of a header/detail format, the name of its line file in the same folder;
   * null for single-file formats.
   */
  default String lineFileNameFor(String orderFileName) {
    return null;
  }

  /**
   * True when {@code in} holds no header record at all (empty or only blank lines): the file is
   * skipped with a warning. Checked on the driver before any Spark job.
   *
   * @throws com.channelexpansion.ingest.read.ExportHeaderException naming {@code sourceFile} when
   *     the header cannot be read: the run stops like a configuration error
   */
  boolean headerless(String sourceFile, InputStream in);

  /** What a file is to the format of its folder. */
  enum FileRole {
    /** An export to read (for header/detail formats: an order file, read with its line file). */
    EXPORT,
    /** The line file of a header/detail pair: read together with its order file, never alone. */
    LINE_FILE,
    /** Not an export of this folder's format (e.g. customers.csv beside ERP orders): skipped. */
    NOT_AN_EXPORT
  }
}
