package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.validate.RejectReason;
import com.channelexpansion.ingest.validate.ValidatedLine;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFormatTest {
  @TempDir Path dir;

  /** A semicolon, windows-1252, decimal-comma ERP export with NULL for empty. */
  private static final String ERP_MAPPING =
      "key,value\n"
          + "encoding,windows-1252\n"
          + "delimiter,semicolon\n"
          + "null_tokens,NULL|n/a\n"
          + "timestamp_pattern,dd/MM/yyyy HH:mm\n"
          + "decimal_separator,comma\n"
          + "order_id,column:Beleg\n"
          + "line_number,column:Pos\n"
          + "order_timestamp,column:Datum\n"
          + "customer_id,column:Kunde\n"
          + "order_source,const:PHONE\n"
          + "sales_rep_id,column:Vertreter\n"
          + "quantity,column:Menge\n"
          + "unit_price,column:Preis\n"
          + "currency,const:EUR\n";

  private MappedFormat format(String mapping) {
    return new MappedFormat(MappingLoader.load(FormatFixtures.write(dir, "m.csv", mapping)));
  }

  private static List<ValidatedLine> read(MappedFormat format, byte[] bytes) {
    return FormatFixtures.validateAll(
        format.read("erp/export.csv", new ByteArrayInputStream(bytes)),
        FormatFixtures.validator("EUR", "Europe/Berlin"));
  }

  @Test
  void aControlCharacterInAMappedColumnIsMalformedAndInAnotherColumnIsNot() {
    // Bemerkung is not mapped: its BEL rejects nothing; a NUL in Kunde (customer_id) rejects its
    // row.
    String text =
        "Beleg;Pos;Datum;Kunde;Vertreter;Menge;Preis;Bemerkung\n"
            + "A-1;1;15/03/2024 10:30;K1;r7;3;2,50;ring\u0007\n"
            + "A-2;1;15/03/2024 10:30;K\u00002;r7;1;1,00;\n"
            + "A-3;1;15/03/2024 10:30;K3;r7;1;1,00;\n";
    List<ValidatedLine> lines = read(format(ERP_MAPPING), text.getBytes(Charset.forName("windows-1252")));
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).accepted(), lines.get(0).rejectDetail());
    assertEquals(RejectReason.MALFORMED_ROW, lines.get(1).rejectReason());
    assertEquals("Kunde: control character U+0000", lines.get(1).rejectDetail());
    assertTrue(lines.get(2).accepted(), lines.get(2).rejectDetail());
  }

  @Test
  void erpDialectIsConvertedToTheCanonicalGrammar() {
    String text =
        "Beleg;Pos;Datum;Kunde;Vertreter;Menge;Preis\n"
            + "A-1;1;15/03/2024 10:30;K\u00fchne GmbH;NULL;3;2,50\n" // ü as one windows-1252 byte
            + "A-1;2;31/02/2024 10:30;K1;r7;1;1,00\n" // no 31 February
            + "A-2;1;2024-03-15;K1;r7;1.234,5;1\n" // thousands separator: invalid
            + "A-3;1;15/03/2024 11:00;n/a;r7;1;1\n"; // n/a = empty customer
    List<ValidatedLine> lines = read(format(ERP_MAPPING), text.getBytes(Charset.forName("windows-1252")));
    ValidatedLine ok = lines.get(0);
    assertTrue(ok.accepted(), String.valueOf(ok.rejectReason()));
    // 15/03/2024 10:30 Berlin (CET, +01:00) = 09:30Z; 3 x 2.50 = 7.50.
    assertEquals(Instant.parse("2024-03-15T09:30:00Z"), ok.orderTimestamp());
    assertEquals(new BigDecimal("7.50"), ok.amount());
    assertEquals("K\u00fchne GmbH", ok.customerId());
    assertNull(ok.salesRepId(), "NULL token");
    assertEquals("PHONE", ok.orderSource());
    assertEquals(RejectReason.INVALID_TIMESTAMP, lines.get(1).rejectReason());
    assertEquals(RejectReason.INVALID_NUMBER, lines.get(2).rejectReason());
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, lines.get(3).rejectReason());
  }

  @Test
  void anOrderLevelDiscountColumnIsReadOncePerOrderAndSpreadOverItsLines() {
    String mapping =
        ERP_MAPPING.replace("currency,const:EUR\n", "currency,const:EUR\norder_discount_amount,column:Rabatt\n");
    // The ERP repeats the order's discount on every line: only the order's first row counts.
    String text =
        "Beleg;Pos;Datum;Kunde;Vertreter;Menge;Preis;Rabatt\n"
            + "B-1;1;15/03/2024 10:30;K1;r7;1;10,00;1,00\n"
            + "B-1;2;15/03/2024 10:30;K1;r7;2;10,00;1,00\n"
            + "B-2;1;15/03/2024 10:30;K1;r7;1;5,00;x\n";
    List<ValidatedLine> lines = read(format(mapping), text.getBytes(Charset.forName("windows-1252")));
    // 1.00 over 10.00 and 20.00: 0.333.. and 0.666.. : 0.33 and 0.67 (leftover cent to .67).
    assertEquals(new BigDecimal("9.67"), lines.get(0).amount());
    assertEquals(new BigDecimal("19.33"), lines.get(1).amount());
    assertEquals(RejectReason.INVALID_NUMBER, lines.get(2).rejectReason());
  }

  @Test
  void anOrderDiscountCannotBeAConstant() {
    String mapping = ERP_MAPPING + "order_discount_amount,const:5\n";
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> format(mapping));
    assertTrue(e.getMessage().contains("order_discount_amount"), e.getMessage());
  }

  @Test
  void recordsOfAnotherWidthAreMalformedWithTheirLine() {
    String text = "Beleg;Pos;Datum;Kunde;Vertreter;Menge;Preis\n\nA-1;1;15/03/2024 10:30;K;r;3\n";
    ValidatedLine line = read(format(ERP_MAPPING), text.getBytes(Charset.forName("windows-1252"))).get(0);
    assertEquals(RejectReason.MALFORMED_ROW, line.rejectReason());
    assertEquals("record: 6 fields, header has 7", line.rejectDetail());
    assertEquals(3, line.sourceLine(), "the blank line 2 counts");
  }

  @Test
  void mappedRequiredColumnMissingFromTheHeaderRejectsEveryRow() {
    String text = "Beleg;Pos;Datum;Vertreter;Menge;Preis\nA-1;1;15/03/2024 10:30;r;3;2\n";
    ValidatedLine line =
        read(format(ERP_MAPPING), text.getBytes(Charset.forName("windows-1252"))).get(0);
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, line.rejectReason());
    assertEquals("header: no column Kunde", line.rejectDetail(), "the mapped column's name");
  }

  @Test
  void headerDetailJoinsLinesToOrdersAndNumbersThemByPosition() {
    String mapping =
        "key,value\norder_file,head*.csv\nline_file,lines*.csv\njoin_key,no\nline_join_key,order_no\n"
            + "order_id,column:order_no\nline_number,position\norder_timestamp,order_column:date\n"
            + "customer_id,order_column:cust\norder_source,order_column:channel\n"
            + "quantity,column:qty\nunit_price,column:price\ndiscount_amount,column:disc\n"
            + "discount_is_fraction_of_line,yes\ncurrency,const:EUR\n";
    MappedFormat format = format(mapping);
    assertEquals(SourceFormat.FileRole.EXPORT, format.roleOf("head-0301.csv"));
    assertEquals(SourceFormat.FileRole.LINE_FILE, format.roleOf("LINES-0301.CSV"));
    assertEquals(SourceFormat.FileRole.NOT_AN_EXPORT, format.roleOf("customers.csv"));
    assertEquals("lines-0301.csv", format.lineFileNameFor("head-0301.csv"));
    String orders = "no,date,cust,channel\n1,2024-03-01,C1,web\n2,2024-03-02,\"C2\"x,web\n";
    String lines = "order_no,qty,price,disc\n1,3,9.99,0.1\n1,1,5,\n2,1,1,0\n3,1,1,0\n";
    List<ValidatedLine> out =
        FormatFixtures.validateAll(
            format.read(
                "d/head-0301.csv", FormatFixtures.utf8(orders), "d/lines-0301.csv",
                FormatFixtures.utf8(lines)),
            FormatFixtures.validator("EUR", "UTC"));
    assertEquals(5, out.size());
    // The malformed order record comes first, from the order file.
    assertEquals(RejectReason.MALFORMED_ROW, out.get(0).rejectReason());
    assertEquals("record: text after a closing quote", out.get(0).rejectDetail());
    assertEquals("d/head-0301.csv", out.get(0).sourceFile());
    assertEquals(3, out.get(0).sourceLine());
    // 3 x 9.99 = 29.97, less 10% = 2.997 -> 26.973 -> 26.97.
    ValidatedLine first = out.get(1);
    assertEquals("d/lines-0301.csv", first.sourceFile());
    assertEquals(2, first.sourceLine());
    assertEquals(1L, first.lineNumber());
    assertEquals("C1", first.customerId());
    assertEquals(new BigDecimal("2.997000"), first.discountAmount());
    assertEquals(new BigDecimal("26.97"), first.amount());
    assertEquals(2L, out.get(2).lineNumber());
    assertEquals(new BigDecimal("5.00"), out.get(2).amount());
    // Order 2 was malformed, order 3 does not exist: no customer, no date.
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, out.get(3).rejectReason());
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, out.get(4).rejectReason());
    assertEquals("order_timestamp: empty", out.get(4).rejectDetail(), "no order 3");
  }

  @Test
  void valueConversions() {
    var f = MappedValues.formatter("dd/MM/yyyy HH:mm");
    assertEquals("2010-12-01T08:26:00", MappedValues.timestamp("01/12/2010 08:26", f));
    assertEquals("29/02/2023 08:26", MappedValues.timestamp("29/02/2023 08:26", f), "not a date: unchanged");
    assertEquals("2024-03-01", MappedValues.timestamp("01.03.2024", MappedValues.formatter("dd.MM.yyyy")));
    assertEquals(
        "2024-03-01T10:15:00-05:00",
        MappedValues.timestamp("2024-03-01 10:15:00 -0500", MappedValues.formatter("yyyy-MM-dd HH:mm:ss xx")));
    assertEquals("2.55", MappedValues.number("2,55", true));
    assertEquals("1.234,5", MappedValues.number("1.234,5", true));
    assertEquals("2,55", MappedValues.number("2,55", false));
    // 12 x 14.00 x 0.15 = 25.2000
    assertEquals("25.2000", MappedValues.discountFromFraction("12", "14.00", "0.15"));
    // 1 x 0.333333 x 0.5 = 0.1666665 -> 0.166667 (HALF_UP at 6 decimals)
    assertEquals("0.166667", MappedValues.discountFromFraction("1", "0.333333", "0.5"));
    assertEquals("x", MappedValues.discountFromFraction("1", "2", "x"));
    assertNull(MappedValues.discountFromFraction("1", "2", null));
  }

  @Test
  void mappingMistakesNameTheFileAndLine() {
    assertProblem("key,value\norder_id,column:A\n", "m.csv line 1: required column line_number is not mapped");
    String base =
        "key,value\norder_id,column:A\nline_number,position\norder_timestamp,column:T\n"
            + "customer_id,column:C\norder_source,const:WEB\nquantity,column:Q\nunit_price,column:P\n"
            + "currency,const:EUR\n";
    assertProblem(base + "colour,blue\n", "m.csv line 10: unknown key \"colour\"");
    assertProblem(base + "sku,column:S\nsku,column:T\n", "m.csv line 11: key sku is repeated (first on line 10)");
    assertProblem(base + "sku,position\n", "m.csv line 10: position can only be the source of line_number");
    assertProblem(base + "sku,S\n", "m.csv line 10: sku \"S\" is not a source");
    assertProblem(base + "sku,order_column:S\n", "m.csv line 10: sku \"order_column:S\": order_column needs line_file");
    assertProblem(base + "encoding,UTF-16\n", "m.csv line 10: encoding \"UTF-16\" is not supported");
    assertProblem(base + "encoding,klingon\n", "m.csv line 10: encoding \"klingon\" is not a known charset");
    assertProblem(base + "timestamp_pattern,dd/MM/yyyy {\n", "m.csv line 10: timestamp_pattern");
    assertProblem(base + "delimiter,\"\"\"\"\n", "m.csv line 10: delimiter");
    assertProblem(base + "line_file,l.csv\n", "m.csv line 10: line_file is set but join_key is not");
    assertProblem(
        base + "order_file,orders.csv\nline_file,l*.csv\njoin_key,k\n",
        "m.csv line 11: line_file has a * but order_file has none");
    assertProblem(base + "join_key,k\n", "m.csv line 10: a join key needs line_file");
  }

  private void assertProblem(String mapping, String expectedStart) {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> MappingLoader.load(FormatFixtures.write(dir, "m.csv", mapping)));
    assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
  }
}
