package com.channelexpansion.ingest.read;

import static com.channelexpansion.ingest.read.ScanSupport.bytes;
import static com.channelexpansion.ingest.read.ScanSupport.concat;
import static com.channelexpansion.ingest.read.ScanSupport.scan;
import static com.channelexpansion.ingest.read.ScanSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvRecordScannerTest {

  private static CsvRecord ok(long line, String raw, String... fields) {
    return new CsvRecord(line, raw, List.of(fields), null);
  }

  private static CsvRecord bad(long line, String raw, String problem) {
    return new CsvRecord(line, raw, List.of(), problem);
  }

  @Test
  void skipsUtf8ByteOrderMarkAtFileStartOnly() {
    // BOM, then "a,b" LF "\uFEFFc,d": only the first BOM is skipped; the second is content.
    byte[] input = concat(bytes(0xEF, 0xBB, 0xBF), utf8("a,b\n\uFEFFc,d\n"));
    assertEquals(List.of(ok(1, "a,b", "a", "b"), ok(2, "\uFEFFc,d", "\uFEFFc", "d")), scan(input));
  }

  @Test
  void bomAloneIsAnEmptyFileAndPartialBomIsContent() {
    assertEquals(List.of(), scan(bytes(0xEF, 0xBB, 0xBF)));
    // EF BB alone is not a BOM: it is an invalid UTF-8 record.
    assertEquals(List.of(bad(1, "\uFFFD", CsvRecord.INVALID_UTF8)), scan(bytes(0xEF, 0xBB)));
  }

  @Test
  void crlfLfAndLoneCrEachEndOnePhysicalLine() {
    // a CRLF b LF c CR d (no final break): lines 1, 2, 3, 4. LF CR is two breaks (e, blank, f).
    assertEquals(
        List.of(ok(1, "a", "a"), ok(2, "b", "b"), ok(3, "c", "c"), ok(4, "d", "d")),
        scan("a\r\nb\nc\rd"));
    assertEquals(List.of(ok(1, "e", "e"), ok(3, "f", "f")), scan("e\n\rf\r"));
  }

  @Test
  void quotedFieldSpansLinesWithBreaksNormalizedToLfAndStartLineKept() {
    // Header line 1; the record starts on line 2 and spans lines 2-4 (CRLF then lone CR);
    // the next record is on line 5.
    String file = "id,note\r\n1,\"first\r\nsecond\rthird\"\r\n2,x\r\n";
    assertEquals(
        List.of(
            ok(1, "id,note", "id", "note"),
            ok(2, "1,\"first\nsecond\nthird\"", "1", "first\nsecond\nthird"),
            ok(5, "2,x", "2", "x")),
        scan(file));
  }

  @Test
  void doubledQuoteInsideQuotedFieldIsOneQuote() {
    assertEquals(
        List.of(ok(1, "\"say \"\"hi\"\"\",\"\"\"\"", "say \"hi\"", "\"")),
        scan("\"say \"\"hi\"\"\",\"\"\"\""));
    // An empty quoted field is an empty value.
    assertEquals(List.of(ok(1, "\"\",x", "", "x")), scan("\"\",x"));
  }

  @Test
  void quoteInsideUnquotedFieldIsLiteral() {
    assertEquals(List.of(ok(1, "5\" pipe,a\"b\"", "5\" pipe", "a\"b\"")), scan("5\" pipe,a\"b\""));
  }

  @Test
  void fieldIsQuotedOnlyWhenItsFirstCharacterIsAQuote() {
    // ' "x,y"' starts with a space: unquoted, so its quotes are literal and the comma splits it.
    assertEquals(List.of(ok(1, "a, \"x,y\"", "a", "\"x", "y\"")), scan("a, \"x,y\""));
    // Same at the start of a line.
    assertEquals(List.of(ok(1, " \"x\",b", "\"x\"", "b")), scan(" \"x\",b"));
  }

  @Test
  void spacesAndTabsAfterClosingQuoteAreIgnored() {
    assertEquals(
        List.of(ok(1, "\"a\"  \t,\"b\" ", "a", "b"), ok(2, "c", "c")), scan("\"a\"  \t,\"b\" \nc"));
  }

  @Test
  void textAfterClosingQuoteIsMalformedAndReadingResumesOnNextLine() {
    // Line 1: the rest of the line (even an opening quote) belongs to the malformed record.
    assertEquals(
        List.of(
            bad(1, "\"a\"x,b,\"c", CsvRecord.TEXT_AFTER_CLOSING_QUOTE), ok(2, "next,1", "next", "1")),
        scan("\"a\"x,b,\"c\nnext,1\n"));
    // A multi-line record whose error is on its second line: raw text covers lines 1-2,
    // the next record starts on line 3.
    assertEquals(
        List.of(
            bad(1, "1,\"a\nb\"x,y", CsvRecord.TEXT_AFTER_CLOSING_QUOTE), ok(3, "2,z", "2", "z")),
        scan("1,\"a\r\nb\"x,y\r\n2,z\r\n"));
  }

  @Test
  void unterminatedQuoteMakesRestOfFileOneMalformedRecord() {
    String expectedRaw = "1,\"open\n2,x\n\n3,y";
    List<CsvRecord> expected =
        List.of(ok(1, "a,b", "a", "b"), bad(2, expectedRaw, CsvRecord.UNTERMINATED_QUOTE));
    assertEquals(expected, scan("a,b\n1,\"open\n2,x\n\n3,y\n"), "with a final line break");
    assertEquals(expected, scan("a,b\r\n1,\"open\r\n2,x\r\n\r\n3,y"), "without one");
  }

  @Test
  void blankLinesAreNotRecordsButCountAsLines() {
    // Lines: 1 empty, 2 space+tab, 3 "a,b", 4 empty, 5 space, 6 "c,d", 7 tab (no final break).
    assertEquals(
        List.of(ok(3, "a,b", "a", "b"), ok(6, "c,d", "c", "d")),
        scan("\n \t\r\na,b\r\n\r\n \nc,d\n\t"));
    // Only commas is not blank: two empty fields.
    assertEquals(List.of(ok(1, " , ", "", "")), scan(" , "));
    assertEquals(List.of(), scan("  \n\t\r\n\r"));
  }

  @Test
  void valuesAreTrimmedOfSpacesAndTabsQuotedOrNot() {
    assertEquals(
        List.of(ok(1, " a \t,\" b\t\" ,\t", "a", "b", "")), scan(" a \t,\" b\t\" ,\t"));
  }

  @Test
  void invalidUtf8RecordIsMalformedWithReplacementCharacterAndNextRecordIsRead() {
    // "caf" + 0xE9 (Latin-1 e-acute) is not UTF-8; "café" in UTF-8 on line 2 is fine.
    byte[] input = concat(utf8("a,caf"), bytes(0xE9), utf8("\nb,café €𝄞\n"));
    assertEquals(
        List.of(bad(1, "a,caf\uFFFD", CsvRecord.INVALID_UTF8), ok(2, "b,café €𝄞", "b", "café €𝄞")),
        scan(input));
  }

  @Test
  void invalidUtf8InsideMultiLineQuotedFieldJoinsLinesWithLf() {
    byte[] input = concat(utf8("1,\"x"), bytes(0xFF), utf8("\r\ny\",2\nz\n"));
    assertEquals(
        List.of(bad(1, "1,\"x\uFFFD\ny\",2", CsvRecord.INVALID_UTF8), ok(3, "z", "z")), scan(input));
  }

  @Test
  void overlongAndSurrogateEncodingsAreInvalid() {
    // C0 AF is an overlong '/', ED A0 80 an encoded surrogate: both invalid in strict UTF-8.
    assertTrue(scan(concat(utf8("a"), bytes(0xC0, 0xAF))).get(0).malformed());
    assertTrue(scan(concat(utf8("a"), bytes(0xED, 0xA0, 0x80))).get(0).malformed());
  }

  @Test
  void lastLineWithoutLineBreakIsRead() {
    assertEquals(List.of(ok(1, "a,b", "a", "b"), ok(2, "c,", "c", "")), scan("a,b\nc,"));
    assertEquals(List.of(ok(1, "\"q\"", "q")), scan("\"q\""));
  }

  @Test
  void emptyInputHasNoRecordsAndNextThrows() {
    CsvRecordScanner scanner = new CsvRecordScanner(new ByteArrayInputStream(new byte[0]));
    assertFalse(scanner.hasNext());
    assertThrows(NoSuchElementException.class, scanner::next);
  }

  @Test
  void recordsLongerThanTheReadBufferAreWhole() {
    // 200,000 'x' in one quoted field: spans several 64 KiB buffer refills.
    String big = "x".repeat(200_000);
    List<CsvRecord> records = scan("\"" + big + "\",1\n2");
    assertEquals(2, records.size());
    assertEquals(List.of(big, "1"), records.get(0).fields());
    assertEquals(2, records.get(1).startLine());
  }
}
