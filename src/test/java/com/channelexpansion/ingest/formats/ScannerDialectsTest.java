package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.read.CsvRecord;
import com.channelexpansion.ingest.read.CsvRecordScanner;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner's delimiter and charset parameters, used by mapped exports. */
class ScannerDialectsTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  private static List<CsvRecord> scan(byte[] bytes, char delimiter, Charset charset) {
    return FormatFixtures.all(new CsvRecordScanner(new ByteArrayInputStream(bytes), delimiter, charset));
  }

  @Test
  void semicolonSeparatesAndCommaIsText() {
    List<CsvRecord> records =
        scan("a;\"b;c\" ; 1,5\r\n\r\nx;y;z".getBytes(StandardCharsets.US_ASCII), ';', StandardCharsets.UTF_8);
    assertEquals(List.of("a", "b;c", "1,5"), records.get(0).fields());
    assertEquals(3, records.get(1).startLine(), "blank line 2 counted");
  }

  @Test
  void tabSeparatesAndIsNotTrimmedAsABlank() {
    List<CsvRecord> records =
        scan("\tb\t c \n\"q\"\tz\n".getBytes(StandardCharsets.US_ASCII), '\t', StandardCharsets.UTF_8);
    assertEquals(List.of("", "b", "c"), records.get(0).fields());
    assertEquals(List.of("q", "z"), records.get(1).fields());
  }

  @Test
  void windows1252DecodesItsBytesAndRejectsUndefinedOnes() {
    // 0xA3 = pound sign, 0x80 = euro sign; 0x81 is undefined in windows-1252.
    byte[] bytes = {'a', ',', (byte) 0xA3, '5', '\n', 'b', ',', (byte) 0x80, '\n', 'c', ',', (byte) 0x81, '\n', 'd'};
    List<CsvRecord> records = scan(bytes, ',', CP1252);
    assertEquals(List.of("a", "\u00a35"), records.get(0).fields());
    assertEquals(List.of("b", "\u20ac"), records.get(1).fields());
    assertTrue(records.get(2).malformed());
    assertEquals(3, records.get(2).startLine());
    assertEquals("record: bytes not defined in windows-1252", records.get(2).detail());
    assertFalse(records.get(3).malformed());
  }

  @Test
  void aUtf8BomIsOnlySkippedForUtf8() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'};
    assertEquals(List.of("a"), scan(bom, ',', StandardCharsets.UTF_8).get(0).fields());
    assertEquals(List.of("\u00ef\u00bb\u00bfa"), scan(bom, ',', StandardCharsets.ISO_8859_1).get(0).fields());
  }

  @Test
  void unsupportedDialectsAreRefused() {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
    assertThrows(IllegalArgumentException.class, () -> new CsvRecordScanner(in, '"', StandardCharsets.UTF_8));
    assertThrows(IllegalArgumentException.class, () -> new CsvRecordScanner(in, ',', StandardCharsets.UTF_16));
  }
}
