package com.channelexpansion.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.Util;

/** Reads what a Parquet file's footer records, without reading a data page. */
public final class ParquetFooters {
  private static final int TAIL = 8; // 4-byte little-endian footer length, then "PAR1"

  private ParquetFooters() {}

  /** The row count {@code file}'s footer records (no data page is read). */
  public static long rowCount(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[TAIL];
      in.readFully(length - TAIL, tail);
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      byte[] footer = new byte[footerLength];
      in.readFully(length - TAIL - footerLength, footer);
      return Util.readFileMetaData(new ByteArrayInputStream(footer)).getNum_rows();
    }
  }
}
