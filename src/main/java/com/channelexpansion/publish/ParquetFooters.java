package com.channelexpansion.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Makes a Parquet file's footer independent of the JVM that wrote it. parquet-mr collects each
 * column chunk's encodings in a HashSet of enum constants, whose order follows identity hash codes
 * and so changes from one JVM to the next: the same rows then give files that differ in a few
 * footer bytes. Sorting those lists (the order carries no meaning) keeps the promise that the same
 * inputs give byte-for-byte the same tables. The footer keeps its length, so it is rewritten in
 * place; the data pages are untouched.
 */
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

  /** Canonicalizes {@code file}'s footer and returns its row count (read from that footer). */
  public static long canonicalize(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    byte[] footer;
    long footerStart;
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[TAIL];
      in.readFully(length - TAIL, tail);
      if (!"PAR1".equals(new String(tail, 4, 4, StandardCharsets.US_ASCII))) {
        throw new IOException("Cannot canonicalize: not a Parquet file (" + file + ")");
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      footerStart = length - TAIL - footerLength;
      footer = new byte[footerLength];
      in.readFully(footerStart, footer);
    }
    FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
    long rows = metadata.getNum_rows();
    for (RowGroup rowGroup : metadata.getRow_groups()) {
      for (ColumnChunk chunk : rowGroup.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
        if (column.getEncoding_stats() != null) {
          column
              .getEncoding_stats()
              .sort(
                  Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                      .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream rewritten = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(metadata, rewritten);
    if (rewritten.size() != footer.length) {
      throw new IOException("Cannot canonicalize: footer length changed (" + file + ")");
    }
    if (java.util.Arrays.equals(footer, rewritten.toByteArray())) {
      return rows;
    }
    byte[] bytes;
    try (FSDataInputStream in = fs.open(file)) {
      bytes = new byte[(int) footerStart];
      in.readFully(0, bytes);
    }
    // Rewritten whole through a temporary file: object stores cannot write in place.
    Path temporary = new Path(file.getParent(), "." + file.getName() + ".canonical");
    try (FSDataOutputStream out = fs.create(temporary, true)) {
      out.write(bytes);
      out.write(rewritten.toByteArray());
      byte[] tail = new byte[TAIL];
      ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length);
      System.arraycopy("PAR1".getBytes(StandardCharsets.US_ASCII), 0, tail, 4, 4);
      out.write(tail);
    }
    fs.delete(file, false);
    if (!fs.rename(temporary, file)) {
      throw new IOException("Cannot canonicalize: rename failed (" + file + ")");
    }
    return rows;
  }
}
