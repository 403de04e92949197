package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.read.ControlCharacters;
import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.ExportNumbers;
import com.channelexpansion.ingest.validate.ValidatedLine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Valid canonical exports, each broken once (a cut, a duplicated line, a stray quote, a control
 * or invalid byte, a delimiter more or less, a huge number), read and validated exactly as the
 * executors do ({@link SourceFormat#read} then {@link com.channelexpansion.ingest.formats.SourceRecord#validate}),
 * without Spark. On every try: nothing escapes as an exception, every non-blank physical line is
 * in exactly one row (rows read = accepted + rejected, nothing swallowed), no accepted row could
 * break a report, and every row of the original away from the broken line (not the record it is
 * in, not the first record after it) is still accepted with the same values.
 *
 * <p>A seeded generator of our own: try {@code n} uses {@code new Random(n)} for every choice and
 * mutation kind {@code n % 7}, so a failure names the try that reproduces it.
 */
class MutatedExportsPropertyTest {
  private static final ExportLineValidator VALIDATOR = FormatFixtures.validator("USD", "UTC");
  private static final String FILE = "exports/orders.csv";

  private static final int TRIES = 2000;

  @Test
  void aBrokenLineNeverChangesTheOtherRows() {
    ExportMutation.Kind[] kinds = ExportMutation.Kind.values();
    for (int n = 0; n < TRIES; n++) {
      Random random = new Random(n);
      ExportMutation mutation =
          ExportMutation.of(
              random.nextLong(), 1 + random.nextInt(12), kinds[n % kinds.length],
              random.nextInt(100), random.nextInt(400), random.nextInt(100));
      try {
        check(mutation);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("try " + n + " (" + mutation.kind() + " on line "
            + mutation.target() + "): " + e.getMessage() + "\n--- mutated file:\n"
            + new String(mutation.mutated(), StandardCharsets.UTF_8), e);
      }
    }
  }

  private static void check(ExportMutation mutation) {
    ExportMutation.Kind kind = mutation.kind();
    List<ValidatedLine> before = read(mutation.original());
    before.forEach(line -> assertTrue(line.accepted(), "the original is valid: " + line));
    List<ValidatedLine> after = read(mutation.mutated());

    assertEveryLineReadOnce(mutation.mutated(), after);
    after.stream().filter(ValidatedLine::accepted).forEach(MutatedExportsPropertyTest::assertSafe);

    Map<Integer, ValidatedLine> byLine = new HashMap<>();
    after.forEach(line -> byLine.put((int) line.sourceLine(), line));
    ValidatedLine firstAfter =
        before.stream().filter(l -> l.sourceLine() > mutation.target()).findFirst().orElse(null);
    for (ValidatedLine original : before) {
      int now = mutation.mappedLine(original.sourceLine());
      if (spans(original, mutation.target()) || original == firstAfter || now == 0) {
        continue;
      }
      ValidatedLine still = byLine.get(now);
      assertNotNull(still, "line " + original.sourceLine() + " lost after " + kind);
      assertEquals(identity(original), identity(still), kind + " at line " + mutation.target());
    }
  }

  private static List<ValidatedLine> read(byte[] file) {
    return FormatFixtures.validateAll(
        CanonicalFormat.INSTANCE.read(FILE, new ByteArrayInputStream(file)), VALIDATOR);
  }

  /** True when the record's physical lines include {@code line}. */
  private static boolean spans(ValidatedLine record, int line) {
    return line >= record.sourceLine() && line <= lastLine(record);
  }

  private static long lastLine(ValidatedLine record) {
    return record.sourceLine() + record.rawRecord().chars().filter(c -> c == '\n').count();
  }

  /** Every non-blank physical line after the header belongs to exactly one row. */
  private static void assertEveryLineReadOnce(byte[] file, List<ValidatedLine> rows) {
    String text = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    Map<Integer, Integer> owners = new TreeMap<>();
    for (ValidatedLine row : rows) {
      for (long line = row.sourceLine(); line <= lastLine(row); line++) {
        Integer previous = owners.put((int) line, (int) row.sourceLine());
        assertEquals(null, previous, "line " + line + " read twice");
      }
    }
    for (int i = 1; i < lines.length; i++) {
      boolean blank = lines[i].chars().allMatch(c -> c == ' ' || c == '\t');
      assertEquals(!blank, owners.containsKey(i + 1), "line " + (i + 1) + ": " + lines[i]);
    }
  }

  /** An accepted row can break no report: bounded amount, a date from 2000, no control character. */
  private static void assertSafe(ValidatedLine line) {
    assertTrue(line.amount().abs().compareTo(ExportNumbers.AMOUNT_ABS_EXCLUSIVE) < 0, line.toString());
    assertTrue(!line.orderDate().isBefore(LocalDate.of(2000, 1, 1)), line.toString());
    for (String value : new String[] {line.orderId(), line.customerId(), line.sku(), line.salesRepId()}) {
      assertEquals(null, value == null ? null : ControlCharacters.problem("value", value), line.toString());
    }
  }

  /** What an analyst sees of a row, wherever it sits in the file. */
  private static List<Object> identity(ValidatedLine line) {
    return List.of(
        line.rawRecord(), line.orderId(), line.lineNumber(), line.orderTimestamp(),
        line.customerId(), line.channel(), String.valueOf(line.salesRepId()), String.valueOf(line.sku()),
        line.quantity(), line.unitPrice(), line.amount(), line.currency());
  }
}
