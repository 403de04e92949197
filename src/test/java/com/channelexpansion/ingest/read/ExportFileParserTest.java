package com.channelexpansion.ingest.read;

import static com.channelexpansion.ingest.read.ScanSupport.bytes;
import static com.channelexpansion.ingest.read.ScanSupport.concat;
import static com.channelexpansion.ingest.read.ScanSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportFileParserTest {
  private static final String FILE = "2024/exports-01.csv";
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,sales_rep_id,quote_id,sku,"
          + "quantity,unit_price,discount_amount,currency,order_status,updated_at";

  private static List<RawOrderLine> lines(byte[] input) {
    List<RawOrderLine> lines = new ArrayList<>();
    ExportFileParser.parse(FILE, new ByteArrayInputStream(input)).forEachRemaining(lines::add);
    return lines;
  }

  private static List<RawOrderLine> lines(String text) {
    return lines(utf8(text));
  }

  @Test
  void readsEveryCanonicalColumnWithEmptyValuesAsNull() {
    String row = "SO-1, 2 ,2024-03-01T10:00:00Z,C1,WEB,,Q9,SKU-7,3,9.50,,usd,shipped,";
    List<RawOrderLine> lines = lines(HEADER + "\r\n" + row + "\r\n");
    RawOrderLine expected =
        new RawOrderLine(FILE, 2, row, null, null, "SO-1", "2", "2024-03-01T10:00:00Z", "C1",
            "WEB", null, "Q9", "SKU-7", "3", "9.50", null, "usd", "shipped", null);
    assertEquals(List.of(expected), lines);
  }

  @Test
  void headerNamesIgnoreCaseAndSurroundingBlanksAndOrder() {
    // Columns in another order, mixed case, padded, one quoted, plus an extra column "Notes".
    String header =
        " Currency ,\"UNIT_PRICE\",Quantity,Order_Source,Customer_ID,Order_Timestamp,"
            + "Line_Number,ORDER_ID,\tNotes\t";
    List<RawOrderLine> lines = lines(header + "\nEUR,1.5,2,EDI,C2,2024-01-01,1,SO-9,hello\n");
    RawOrderLine line = lines.get(0);
    assertEquals("SO-9", line.orderId());
    assertEquals("1", line.lineNumber());
    assertEquals("2024-01-01", line.orderTimestamp());
    assertEquals("C2", line.customerId());
    assertEquals("EDI", line.orderSource());
    assertEquals("2", line.quantity());
    assertEquals("1.5", line.unitPrice());
    assertEquals("EUR", line.currency());
    assertNull(line.sku(), "a column the header lacks is null");
    assertFalse(line.headerMissingRequired(), "all eight required columns are present");
    assertFalse(line.malformed());
  }

  @Test
  void ofTwoColumnsWithTheSameNameTheFirstCounts() {
    ExportHeader header = ExportHeader.of(List.of("sku", "order_id", "\tSKU ", "order_id"));
    assertEquals(0, header.positionOf("sku"));
    assertEquals(1, header.positionOf("order_id"));
    assertEquals(4, header.width());
    assertEquals(-1, header.positionOf("currency"));
  }

  @Test
  void headerLackingARequiredColumnFlagsEveryRow() {
    // No "currency" column (required) and no optional ones either.
    String header = "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price";
    ExportFileParser parser =
        ExportFileParser.parse(FILE, new ByteArrayInputStream(utf8(header + "\nA,1,2024-01-01,C,WEB,1,2\n")));
    assertEquals(List.of("currency"), parser.header().missingRequiredColumns());
    assertTrue(parser.header().missingRequired());
    RawOrderLine line = parser.next();
    assertTrue(line.headerMissingRequired());
    assertEquals("header: no column currency", line.headerMissingDetail());
    assertFalse(line.malformed());
    assertEquals("A", line.orderId());
    assertFalse(parser.hasNext());
  }

  @Test
  void rowsOfAnotherWidthThanTheHeaderAreMalformed() {
    // Header width 3. Line 2 short (2 fields), line 3 long (4 fields, the extra one empty),
    // line 4 exact. Column x is not canonical: its values are masked in raw_record.
    List<RawOrderLine> lines = lines("order_id,line_number,x\nA,1\nB,2,y,\nC,3,z\n");
    assertEquals(
        RawOrderLine.malformed(FILE, 2, "A,1", "record: 2 fields, header has 3"), lines.get(0));
    assertEquals(
        RawOrderLine.malformed(FILE, 3, "B,2,*,", "record: 4 fields, header has 3"), lines.get(1));
    assertFalse(lines.get(2).malformed());
    assertEquals("C", lines.get(2).orderId());
    assertEquals(3, lines.size());
  }

  @Test
  void scannerMalformedRecordsBecomeMalformedLinesKeepingLineAndRawText() {
    byte[] input =
        concat(utf8("order_id,sku\n\"A\"x,1\nB,caf"), bytes(0xE9), utf8("\n\nC,\"un\nterminated"));
    List<RawOrderLine> lines = lines(input);
    assertEquals(
        List.of(
            // Fields that cannot be split off are masked (CanonicalRejectsMaskingTest).
            RawOrderLine.malformed(FILE, 2, "*", "record: text after a closing quote"),
            RawOrderLine.malformed(FILE, 3, "B,caf\uFFFD", "record: invalid UTF-8"),
            RawOrderLine.malformed(FILE, 5, "C,*", "record: unterminated quoted field"),
            RawOrderLine.malformed(FILE, 6, "terminated", "record: 1 field, header has 2")),
        lines);
  }

  @Test
  void aStrayQuoteRejectsOnlyItsLineAndTheLinesAfterItAreRead() {
    // Before: the quote opened on line 3 swallowed lines 3-5 into one reject.
    List<RawOrderLine> lines = lines("order_id,sku\nA,1\nB,\"2\nC,3\nD,4\n");
    assertEquals(
        // The field that cannot be split off is masked (CanonicalRejectsMaskingTest).
        RawOrderLine.malformed(FILE, 3, "B,*", "record: unterminated quoted field"),
        lines.get(1));
    assertEquals(4, lines.size());
    for (int i : new int[] {0, 2, 3}) {
      assertFalse(lines.get(i).malformed(), lines.get(i).rawRecord());
    }
    assertEquals(List.of("C", "3"), List.of(lines.get(2).orderId(), lines.get(2).sku()));
    assertEquals(List.of(4L, 5L), List.of(lines.get(2).sourceLine(), lines.get(3).sourceLine()));
  }

  @Test
  void aNulByteInAnIdIsMalformed() {
    // Any value of a canonical record, extra columns included; tab is allowed.
    List<RawOrderLine> lines =
        lines("order_id,sku,notes\nA\u0000,1,x\nB,2,\u0085\nC,3,\"tab\there\nand a line\"\n");
    assertEquals(
        // notes is not a canonical column: its value is masked.
        RawOrderLine.malformed(FILE, 2, "A\u0000,1,*", "order_id: control character U+0000"),
        lines.get(0));
    assertEquals("notes: control character U+0085", lines.get(1).malformedDetail());
    assertFalse(lines.get(2).malformed(), "tab and a quoted line break are allowed");
    assertEquals(3, lines.size());
  }

  @Test
  void leadingBlankLinesBeforeHeaderAreSkippedButCounted() {
    // BOM, blank line 1, blank line 2 (spaces), header on line 3, record on line 4.
    byte[] input = concat(bytes(0xEF, 0xBB, 0xBF), utf8("\r\n  \r\n" + HEADER + "\r\nX,1,t,C,WEB,,,,1,1,,USD,,\r\n"));
    List<RawOrderLine> lines = lines(input);
    assertEquals(1, lines.size());
    assertEquals(4, lines.get(0).sourceLine());
    assertEquals("X", lines.get(0).orderId());
  }

  @Test
  void fileWithNoHeaderIsHeaderlessAndYieldsNothing() {
    for (byte[] input :
        List.of(new byte[0], utf8("\r\n \t\n\n"), bytes(0xEF, 0xBB, 0xBF), utf8("   "))) {
      ExportFileParser parser = ExportFileParser.parse(FILE, new ByteArrayInputStream(input));
      assertTrue(parser.headerless());
      assertNull(parser.header());
      assertFalse(parser.hasNext());
    }
    assertFalse(ExportFileParser.parse(FILE, new ByteArrayInputStream(utf8("order_id"))).headerless());
  }

  @Test
  void unreadableHeaderStopsTheRunLikeAConfigurationError() {
    byte[] invalid = concat(utf8("\norder_id,sk"), bytes(0xFC), utf8("\nA,1\n"));
    ExportHeaderException e =
        assertThrows(
            ExportHeaderException.class,
            () -> ExportFileParser.parse(FILE, new ByteArrayInputStream(invalid)));
    assertEquals("Cannot read export header: 2024/exports-01.csv line 2: record: invalid UTF-8", e.getMessage());

    ConfigurationException quoted =
        assertThrows(
            ConfigurationException.class,
            () -> ExportFileParser.parse(FILE, new ByteArrayInputStream(utf8("\"order_id\"x,sku\n"))));
    assertEquals(
        "Cannot read export header: 2024/exports-01.csv line 1: record: text after a closing quote",
        quoted.getMessage());

    ConfigurationException open =
        assertThrows(
            ConfigurationException.class,
            () -> ExportFileParser.parse(FILE, new ByteArrayInputStream(utf8("order_id,\"sku\nA,1\n"))));
    assertEquals(
        "Cannot read export header: 2024/exports-01.csv line 1: record: unterminated quoted field",
        open.getMessage());
  }

  @Test
  void lastRecordWithoutLineBreakIsRead() {
    List<RawOrderLine> lines = lines("order_id,sku\nA,1\nB,2");
    assertEquals(2, lines.size());
    assertEquals(3, lines.get(1).sourceLine());
    assertEquals("2", lines.get(1).sku());
  }
}
