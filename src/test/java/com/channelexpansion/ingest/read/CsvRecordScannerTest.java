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
  }

  @Test
  void textAfterAClosingQuoteOnALaterLineRejectsOnlyTheFirstLine() {
    // The record opened on line 1 fails on line 2: line 1 alone is rejected, and line 2 is read
    // again as a record of its own (its quote is then inside an unquoted field: literal).
    assertEquals(
        List.of(
            bad(1, "1,\"a", CsvRecord.TEXT_AFTER_CLOSING_QUOTE),
            ok(2, "b\"x,y", "b\"x", "y"),
            ok(3, "2,z", "2", "z")),
        scan("1,\"a\r\nb\"x,y\r\n2,z\r\n"));
  }

  @Test
  void aStrayQuoteRejectsOnlyItsLineAndReadingResumes() {
    // A quote opened on line 2 is never closed: line 2 alone is malformed, lines 3-5 are read
    // (with or without a final line break, CRLF or LF), blank line 4 still counted.
    List<CsvRecord> expected =
        List.of(
            ok(1, "a,b", "a", "b"),
            bad(2, "1,\"open", CsvRecord.UNTERMINATED_QUOTE),
            ok(3, "2,x", "2", "x"),
            ok(5, "3,y", "3", "y"));
    assertEquals(expected, scan("a,b\n1,\"open\n2,x\n\n3,y\n"), "with a final line break");
    assertEquals(expected, scan("a,b\r\n1,\"open\r\n2,x\r\n\r\n3,y"), "without one");
    assertEquals(expected, scan("a,b\n1,\"open\n2,x\n\n3,y\n", RecordCheck.width(2)), "checked");
  }

  @Test
  void aQuoteOpenOnTheLastLineIsThatLineAlone() {
    assertEquals(
        List.of(ok(1, "a", "a"), bad(2, "\"b", CsvRecord.UNTERMINATED_QUOTE)), scan("a\n\"b\n"));
  }

  @Test
  void aWellFormedMultiLineRecordOfTheHeadersWidthStaysOneRecord() {
    assertEquals(
        List.of(
            ok(1, "id,note", "id", "note"),
            ok(2, "1,\"x\n\ny\"", "1", "x\n\ny"),
            ok(5, "2,z", "2", "z")),
        scan("id,note\n1,\"x\r\n\r\ny\"\n2,z\n", RecordCheck.width(2)));
  }

  @Test
  void aMultiLineRecordOfAnotherWidthIsItsFirstLineAloneAndReadingResumes() {
    // Lines 2-3 make a 3-field record in a 2-column file: line 2 alone is rejected; line 3 is
    // read again on its own (2 fields, its quote literal), then line 4.
    assertEquals(
        List.of(
            ok(1, "id,note", "id", "note"),
            bad(2, "1,\"x", "record: 3 fields, header has 2"),
            ok(3, "y\",z", "y\"", "z"),
            ok(4, "2,w", "2", "w")),
        scan("id,note\n1,\"x\ny\",z\n2,w", RecordCheck.width(2)));
  }

  @Test
  void aControlCharacterRejectsItsRecordAsItsFirstLineWithTheChecksDetail() {
    RecordCheck check =
        RecordCheck.width(2)
            .then(RecordCheck.noControlCharacters(List.of("id", "note"), new int[] {0, 1}));
    // Line 2: NUL in an id. Lines 3-4: DEL inside a quoted note: line 3 alone is rejected and
    // line 4 read again (one field).
    assertEquals(
        List.of(
            ok(1, "id,note", "id", "note"),
            bad(2, "1\u0000,x", "id: control character U+0000"),
            bad(3, "2,\"a\u007f", "note: control character U+007F"),
            bad(4, "b\"", "record: 1 field, header has 2"),
            ok(5, "3,y", "3", "y")),
        scan("id,note\n1\u0000,x\n2,\"a\u007f\nb\"\n3,y\n", check));
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
  void invalidUtf8InsideAMultiLineRecordRejectsOnlyItsFirstLine() {
    byte[] input = concat(utf8("1,\"x\r\ny"), bytes(0xFF), utf8("\",2\nz\n"));
    assertEquals(
        List.of(
            bad(1, "1,\"x", CsvRecord.INVALID_UTF8),
            bad(2, "y\uFFFD\",2", CsvRecord.INVALID_UTF8),
            ok(3, "z", "z")),
        scan(input));
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
