package com.channelexpansion.ingest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md: in rejects of a canonical file, each non-empty value of a non-canonical column (or
 * beyond the header's width) is {@code *}, its quotes included; a Shopify header in a canonical
 * folder stops the run before any row is read.
 */
class CanonicalRejectsMaskingTest {
  private static final String FILE = "web/orders.csv";
  private static final String HEADER =
      "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,"
          + "currency,Email,Billing Name\n";

  private static List<String> rawRecords(String text) {
    List<String> raw = new ArrayList<>();
    ExportFileParser.parse(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining(line -> raw.add(line.rawRecord()));
    return raw;
  }

  @Test
  void valuesOfNonCanonicalColumnsAreMaskedQuotesIncludedDelimitersKept() {
    assertEquals(
        List.of("A1,1,2026-10-01,C1,WEB,x,10,USD,*,*"),
        rawRecords(HEADER + "A1,1,2026-10-01,C1,WEB,x,10,USD,ana@buyer.example,\"Lopez, Ana\"\n"));
  }

  @Test
  void emptyNonCanonicalValuesStayAsInTheFile() {
    assertEquals(
        List.of("A1,1,2026-10-01,C1,WEB,x,10,USD,,\"\""),
        rawRecords(HEADER + "A1,1,2026-10-01,C1,WEB,x,10,USD,,\"\"\n"));
  }

  @Test
  void valuesBeyondTheHeadersWidthAreMasked() {
    List<RawOrderLine> lines = new ArrayList<>();
    ExportFileParser.parse(
            FILE,
            new ByteArrayInputStream(
                (HEADER + "A1,1,2026-10-01,C1,WEB,1,10,USD,,,+1 555 0100,\"Main St, 4\"\n")
                    .getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining(lines::add);
    assertEquals("A1,1,2026-10-01,C1,WEB,1,10,USD,,,*,*", lines.get(0).rawRecord());
    assertTrue(lines.get(0).malformedDetail().contains("12 fields, header has 10"));
  }

  @Test
  void aSecondColumnWithACanonicalNameIsNotReadSoMasked() {
    assertEquals(
        List.of("A1,1,2026-10-01,C1,WEB,x,10,USD,*"),
        rawRecords(
            "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,"
                + "currency,customer_id\nA1,1,2026-10-01,C1,WEB,x,10,USD,ana@buyer.example\n"));
  }

  @Test
  void aRecordThatCannotBeSplitIsMaskedFromTheFieldThatCannotBeSplitOff() {
    assertEquals(
        "A1,1,*",
        rawRecords(HEADER + "A1,1,\"2026\"x,C1,WEB,1,10,USD,ana@buyer.example,Ana\n").get(0));
  }

  @Test
  void aShopifyHeaderInACanonicalFolderStopsBeforeAnyRow() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                rawRecords(
                    "Name,Email,Lineitem quantity,Lineitem price\n#1001,ana@buyer.example,1,10\n"));
    assertTrue(e.getMessage().contains(FILE + " is a Shopify export"), e.getMessage());
    assertTrue(e.getMessage().contains("sources.csv"), e.getMessage());
  }
}
