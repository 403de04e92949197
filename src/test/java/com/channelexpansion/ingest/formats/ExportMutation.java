package com.channelexpansion.ingest.formats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A valid canonical export (with quoted, multi-line and blank lines) and one careless or hostile
 * change to one of its physical lines: what the randomized reading test feeds the reader.
 *
 * @param original the valid file
 * @param mutated the file after the change
 * @param target the changed physical line (1-based; the header, line 1, is never changed)
 * @param kind what was done to it
 */
record ExportMutation(byte[] original, byte[] mutated, int target, Kind kind) {

  static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,sales_rep_id,quote_id,sku,"
          + "quantity,unit_price,discount_amount,currency,order_status,updated_at,notes";

  /** The changes tried, each something a real export has been seen to suffer. */
  enum Kind {
    /** The file ends inside the line (a transfer cut short). */
    CUT,
    /** The line appears twice (a re-run appending). */
    DUPLICATE,
    /** A {@code "} inserted somewhere in the line. */
    STRAY_QUOTE,
    /** A byte inserted: NUL, DEL, a C1 control, a lone UTF-8 lead or continuation byte, ... */
    BYTE,
    /** One more delimiter. */
    EXTRA_DELIMITER,
    /** One delimiter less. */
    MISSING_DELIMITER,
    /** A number no report could hold: a unit price of about 10^12, or digits inserted. */
    HUGE_NUMBER
  }

  private static final int[] BYTES = {0x00, 0x01, 0x07, 0x1B, 0x7F, 0xC2, 0x85, 0xFF, 0xC3, 0xA9, 0x09, 0x20, 0x22, 0x2C};

  /**
   * Builds the export from {@code variety} and applies {@code kind} to the data line chosen by
   * {@code which}, at the position chosen by {@code where}.
   */
  static ExportMutation of(long variety, int records, Kind kind, int which, int where, int byteChoice) {
    Random random = new Random(variety);
    String lineEnd = random.nextBoolean() ? "\n" : "\r\n";
    StringBuilder text = new StringBuilder(HEADER).append(lineEnd);
    for (int i = 1; i <= records; i++) {
      if (random.nextInt(6) == 0) {
        text.append(random.nextBoolean() ? "" : " \t").append(lineEnd); // a blank line
      }
      text.append(record(i, random, lineEnd)).append(lineEnd);
    }
    byte[] original = text.toString().getBytes(StandardCharsets.UTF_8);
    List<byte[]> lines = split(original, lineEnd);
    int target = 1 + which % (lines.size() - 1); // 0-based index of a line after the header
    byte[] line = lines.get(target);
    int at = line.length == 0 ? 0 : where % (line.length + 1);
    switch (kind) {
      case CUT -> {
        lines = new ArrayList<>(lines.subList(0, target + 1));
        lines.set(target, Arrays.copyOf(line, at));
        return new ExportMutation(original, join(lines, lineEnd, false), target + 1, kind);
      }
      case DUPLICATE -> lines.add(target, line.clone());
      case STRAY_QUOTE -> lines.set(target, insert(line, at, new byte[] {'"'}));
      case BYTE -> lines.set(target, insert(line, at, new byte[] {(byte) BYTES[byteChoice % BYTES.length]}));
      case EXTRA_DELIMITER -> lines.set(target, insert(line, at, new byte[] {','}));
      case MISSING_DELIMITER -> lines.set(target, removeDelimiter(line, where));
      case HUGE_NUMBER -> lines.set(target, huge(line, at));
      default -> throw new IllegalArgumentException(kind.name());
    }
    return new ExportMutation(original, join(lines, lineEnd, true), target + 1, kind);
  }

  /**
   * One valid record: sometimes a quoted sku with a comma or over two lines, sometimes a quoted
   * note. (The two-line value sits in a canonical column: a non-canonical note is masked in
   * raw_record, line breaks included, and the test reads a row's extent off its raw_record.)
   */
  private static String record(int i, Random random, String lineEnd) {
    String sku =
        switch (random.nextInt(3)) {
          case 0 -> "SKU-" + i;
          case 1 -> "\"SKU, big " + i + "\"";
          default -> "\"SKU" + lineEnd + "long " + i + "\"";
        };
    String notes =
        switch (random.nextInt(4)) {
          case 0 -> "\"first, second\"";
          case 1 -> "\"say \"\"hi\"\"\"";
          default -> "";
        };
    String quantity = random.nextBoolean() ? Integer.toString(1 + random.nextInt(99)) : "2.5";
    return String.join(
        ",",
        "O" + i, "1",
        String.format("2024-%02d-%02dT%02d:15:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24)),
        "C" + random.nextInt(5), random.nextBoolean() ? "WEB" : "PHONE",
        random.nextBoolean() ? "R1" : "", "", sku, quantity, "12.50", "", "USD", "", "", notes);
  }

  private static byte[] huge(byte[] line, int at) {
    String text = new String(line, StandardCharsets.UTF_8);
    if (text.contains(",12.50,")) {
      return text.replaceFirst(",12\\.50,", ",999999999999.99,").getBytes(StandardCharsets.UTF_8);
    }
    return insert(line, at, "9999999999999".getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] removeDelimiter(byte[] line, int where) {
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < line.length; i++) {
      if (line[i] == ',') {
        commas.add(i);
      }
    }
    if (commas.isEmpty()) {
      return line;
    }
    int at = commas.get(where % commas.size());
    byte[] out = new byte[line.length - 1];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(line, at + 1, out, at, line.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] line, int at, byte[] bytes) {
    byte[] out = new byte[line.length + bytes.length];
    System.arraycopy(line, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(line, at, out, at + bytes.length, line.length - at);
    return out;
  }

  /** The physical lines of a file whose lines all end with {@code lineEnd} (no final empty line). */
  static List<byte[]> split(byte[] file, String lineEnd) {
    String text = new String(file, StandardCharsets.ISO_8859_1); // byte-preserving
    List<byte[]> lines = new ArrayList<>();
    for (String line : text.split(lineEnd, -1)) {
      lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
    }
    if (lines.get(lines.size() - 1).length == 0) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines, String lineEnd, boolean finalBreak) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      out.writeBytes(lines.get(i));
      if (finalBreak || i < lines.size() - 1) {
        out.writeBytes(lineEnd.getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toByteArray();
  }

  /** Where a line of the original file is in the mutated one (0 when it is gone). */
  int mappedLine(long originalLine) {
    if (kind == Kind.CUT) {
      return originalLine < target ? (int) originalLine : 0;
    }
    return (int) (kind == Kind.DUPLICATE && originalLine > target ? originalLine + 1 : originalLine);
  }
}
