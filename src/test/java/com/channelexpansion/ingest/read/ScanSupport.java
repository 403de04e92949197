package com.channelexpansion.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: bytes from text, and scanning that also checks one-byte-at-a-time reads. */
final class ScanSupport {
  private ScanSupport() {}

  /** The UTF-8 bytes of {@code text} (use {@link #concat} to splice in invalid bytes). */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  /**
   * Scans {@code input} twice, once in one read and once one byte per read (so CRLF, BOM and
   * records straddle buffer refills), and checks both give the same records.
   */
  static List<CsvRecord> scan(byte[] input) {
    return scan(input, null);
  }

  static List<CsvRecord> scan(String text) {
    return scan(utf8(text));
  }

  /** {@link #scan(byte[])} with every record after the first judged by {@code check}. */
  static List<CsvRecord> scan(String text, RecordCheck check) {
    return scan(utf8(text), check);
  }

  static List<CsvRecord> scan(byte[] input, RecordCheck check) {
    List<CsvRecord> whole = scanStream(new ByteArrayInputStream(input), check);
    List<CsvRecord> trickled = scanStream(oneBytePerRead(input), check);
    assertEquals(whole, trickled, "one-byte reads must give the same records as one big read");
    return whole;
  }

  private static List<CsvRecord> scanStream(InputStream in, RecordCheck check) {
    List<CsvRecord> records = new ArrayList<>();
    CsvRecordScanner scanner = new CsvRecordScanner(in);
    if (check != null && scanner.hasNext()) {
      records.add(scanner.next());
      scanner.check(check);
    }
    scanner.forEachRemaining(records::add);
    return records;
  }

  static InputStream oneBytePerRead(byte[] input) {
    return new FilterInputStream(new ByteArrayInputStream(input)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }
}
