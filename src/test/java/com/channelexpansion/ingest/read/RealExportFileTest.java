package com.channelexpansion.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.RealData;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads a real export (UCI Online Retail, December 2010: LF line ends, 502 quoted fields, one
 * Latin-1 byte, cut off mid-record at the end). Expected numbers were counted independently with
 * Python: 39,531 physical lines = header + 39,530 records; only line 38250 is not valid UTF-8
 * (0xA3, a Latin-1 pound sign); every line but the last has 8 fields; the last (line 39531) has
 * 3: "539650,84347,R".
 */
class RealExportFileTest {
  private static final String FILE = "uci-online-retail/online-retail-2010-12.csv";

  private static InputStream open() throws IOException {
    return new BufferedInputStream(Files.newInputStream(RealData.require(FILE)));
  }

  @Test
  void scannerReadsEveryRecordFlagsTheLatin1OneAndReadsTheCutOffLast() throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (InputStream in = open()) {
      new CsvRecordScanner(in).forEachRemaining(records::add);
    }
    CsvRecord header = records.get(0);
    assertEquals(1, header.startLine());
    assertEquals(
        List.of("InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
            "CustomerID", "Country"),
        header.fields());
    assertEquals(39_530, records.size() - 1, "records after the header");

    List<Long> malformedLines = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      assertEquals(i + 1, record.startLine(), "no blank or multi-line records: record i on line i+1");
      if (record.malformed()) {
        malformedLines.add(record.startLine());
      }
    }
    assertEquals(List.of(38_250L), malformedLines);
    CsvRecord latin1 = records.get(38_249);
    assertEquals(CsvRecord.INVALID_UTF8, latin1.detail());
    assertEquals(
        "539492,gift_0001_40,Dotcomgiftshop Gift Voucher \uFFFD40.00,1,20/12/2010 10:14,34.04,,"
            + "United Kingdom",
        latin1.rawText());

    // Line 873: "RECORD FRAME 7"" SINGLE SIZE " -> escaped quote kept, trailing space trimmed.
    assertEquals("RECORD FRAME 7\" SINGLE SIZE", records.get(872).fields().get(2));

    CsvRecord last = records.get(records.size() - 1);
    assertEquals(39_531, last.startLine());
    assertEquals(List.of("539650", "84347", "R"), last.fields());
  }

  @Test
  void parserRejectsTheLatin1AndCutOffRecordsAsMalformed() throws IOException {
    List<RawOrderLine> lines = new ArrayList<>();
    ExportFileParser parser;
    try (InputStream in = open()) {
      parser = ExportFileParser.parse("uci/online-retail-2010-12.csv", in);
      parser.forEachRemaining(lines::add);
    }
    assertEquals(39_530, lines.size());
    // UCI's header has none of the canonical columns: every readable row is flagged.
    assertTrue(parser.header().missingRequired());
    List<Long> malformed =
        lines.stream().filter(RawOrderLine::malformed).map(RawOrderLine::sourceLine).toList();
    assertEquals(List.of(38_250L, 39_531L), malformed, "invalid UTF-8, then 3 fields of 8");
    // Read as a canonical export, none of UCI's columns is canonical: raw_record masks them all.
    assertEquals("*,*,*", lines.get(lines.size() - 1).rawRecord());
    assertTrue(lines.get(0).headerMissingRequired());
    assertFalse(lines.get(0).malformed());
  }
}
