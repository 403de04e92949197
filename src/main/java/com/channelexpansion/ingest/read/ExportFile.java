package com.channelexpansion.ingest.read;

import com.channelexpansion.io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One export file found below --input.
 *
 * @param relativePath path relative to --input, '/'-separated: the file's name in outputs and ties
 * @param uri absolute URI of the file, encoded (a space is {@code %20}), for reading on executors
 * @param sizeBytes length in bytes
 * @param modifiedMillis last modification time, epoch milliseconds
 * @param sha256 hex SHA-256 of the file's bytes, or null until {@link #withChecksum} computed it
 */
public record ExportFile(
    String relativePath, String uri, long sizeBytes, long modifiedMillis, String sha256)
    implements Serializable {

  /** This file with its SHA-256 computed (read once, on the driver). */
  public ExportFile withChecksum(Configuration conf) throws IOException {
    if (sha256 != null) {
      return this;
    }
    try (InputStream in = open(conf)) {
      return new ExportFile(relativePath, uri, sizeBytes, modifiedMillis, Sha256.of(in));
    }
  }

  /**
   * Opens the file. A local file is opened with java.nio, not through Hadoop: Hadoop's checksum
   * file system builds a {@code .name.crc} path from the bare name, which fails for a name with a
   * colon ({@code orders 10:30.csv}). The local open does not follow a symbolic link, so a file
   * swapped for a link after it was listed is refused rather than read. Other file systems get a
   * Hadoop path built from the encoded URI, never from a string Hadoop would parse again.
   */
  public InputStream open(Configuration conf) throws IOException {
    URI location = URI.create(uri);
    if ("file".equals(location.getScheme())) {
      return Files.newInputStream(java.nio.file.Path.of(location), LinkOption.NOFOLLOW_LINKS);
    }
    Path path = new Path(location);
    return path.getFileSystem(conf).open(path);
  }
}
