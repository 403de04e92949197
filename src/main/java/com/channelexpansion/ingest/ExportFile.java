package com.channelexpansion.ingest;

import java.io.Serializable;

/**
 * One export file found below --input.
 *
 * @param relativePath path relative to --input, '/'-separated: the file's name in outputs and ties
 * @param uri absolute Hadoop URI of the file, for reading on executors
 * @param sizeBytes length in bytes
 * @param modifiedMillis last modification time, epoch milliseconds
 * @param sha256 hex SHA-256 of the file's bytes, or null until {@link #withChecksum} computed it
 */
public record ExportFile(
    String relativePath, String uri, long sizeBytes, long modifiedMillis, String sha256)
    implements Serializable {

  /** This file with its SHA-256 computed (read once, on the driver). */
  public ExportFile withChecksum(org.apache.hadoop.conf.Configuration conf) throws java.io.IOException {
    if (sha256 != null) {
      return this;
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (java.io.InputStream in = path.getFileSystem(conf).open(path)) {
      return new ExportFile(
          relativePath, uri, sizeBytes, modifiedMillis, com.channelexpansion.io.Sha256.of(in));
    }
  }
}
