package com.channelexpansion.ingest.formats;

import com.channelexpansion.ingest.read.ExportFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;

/**
 * One unit of reading: an export file, or an order file with its line file, and the format that
 * reads it. Serializable: Spark ships these to the executors instead of bare {@link ExportFile}s.
 *
 * @param file the export (for a pair: the order file)
 * @param lineFile the line file of a header/detail pair, or null
 * @param format the format of the file's folder
 */
public record ExportRead(ExportFile file, ExportFile lineFile, SourceFormat format)
    implements Serializable {

  /** True for an order file read together with its line file. */
  public boolean paired() {
    return lineFile != null;
  }

  /** Bytes this unit reads (both files of a pair), for spreading units over tasks. */
  public long sizeBytes() {
    return file.sizeBytes() + (lineFile == null ? 0 : lineFile.sizeBytes());
  }

  /** This unit with the SHA-256 of each of its files computed (read once, on the driver). */
  public ExportRead withChecksums(org.apache.hadoop.conf.Configuration conf) throws IOException {
    return new ExportRead(
        file.withChecksum(conf), paired() ? lineFile.withChecksum(conf) : null, format);
  }

  /**
   * True when the (order) file holds no header at all; read on the driver before any Spark job.
   *
   * @throws com.channelexpansion.ingest.read.ExportHeaderException when the header cannot be
   *     read, or shows a Shopify export in a canonical folder: the run stops
   */
  public boolean headerless(org.apache.hadoop.conf.Configuration conf) throws IOException {
    try (InputStream in = file.open(conf)) {
      return format.headerless(file.relativePath(), in);
    }
  }

  /**
   * The records of this unit. The caller opens and closes the streams ({@code lineIn} is null
   * unless {@link #paired()}); the order file of a pair is read whole before the first record.
   */
  public Iterator<SourceRecord> read(InputStream in, InputStream lineIn) {
    return paired()
        ? format.read(file.relativePath(), in, lineFile.relativePath(), lineIn)
        : format.read(file.relativePath(), in);
  }
}
