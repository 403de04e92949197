package com.channelexpansion.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.channelexpansion.ingest.validate.RejectReason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each planted row differs from its good line by exactly the defect its reason names. */
class BadRowFactoryTest {

  private static final OrderLine LINE =
      new OrderLine("SO1000001", 21, LocalDateTime.of(2025, 3, 4, 10, 30), TimestampStyle.LOCAL_T, "C00042",
          "PHONE", "R003", null, "SKU-10001", new BigDecimal("3"), new BigDecimal("12.50"), null, "EUR",
          "SHIPPED", LocalDateTime.of(2025, 3, 4, 11, 0), null);
  private static final String GOOD =
      "SO1000001,21,2025-03-04T10:30:00,C00042,PHONE,R003,,SKU-10001,3,12.50,,EUR,SHIPPED,2025-03-04T11:00:00";
  private static final BadRowFactory FACTORY = new BadRowFactory(LocalDate.of(2023, 10, 23));

  private static String text(RejectReason reason, int variant) {
    ExportRow row = FACTORY.make(reason, variant, LINE, ExportLayout.plain());
    assertEquals(reason, row.expectedReject());
    return new String(row.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aGoodLineIsWrittenByCommonsCsvInTheLayoutsOrder() {
    ExportRow row = ExportRow.good(LINE, ExportLayout.plain());
    assertNull(row.expectedReject());
    assertEquals(GOOD, new String(row.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void malformedRowsBreakTheRecordNotTheValues() {
    assertEquals(GOOD.substring(0, GOOD.lastIndexOf(',')), text(RejectReason.MALFORMED_ROW, 0), "one field short");
    assertEquals(GOOD + ",EXTRA", text(RejectReason.MALFORMED_ROW, 1));
    assertEquals(GOOD.replace(",C00042,", ",\"C00042\"x,"), text(RejectReason.MALFORMED_ROW, 2));
    assertEquals(
        GOOD.replace(",2025-03-04T10:30:00,", ",\"2025-03-04T10:30:00,"),
        new String(FACTORY.unterminatedQuote(LINE, ExportLayout.plain()).bytes(), StandardCharsets.UTF_8));
    byte[] bytes = FACTORY.invalidUtf8(LINE, ExportLayout.plain()).bytes();
    int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("SKU-1");
    assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0x28}, Arrays.copyOfRange(bytes, at + 5, at + 7), "C3 28 is not UTF-8");
  }

  @Test
  void valueDefectsChangeOneField() {
    assertEquals(GOOD.replace(",C00042,", ",,"), text(RejectReason.MISSING_REQUIRED_FIELD, 0));
    assertEquals(GOOD.replace(",3,12.50,", ",\"1,000\",12.50,"), text(RejectReason.INVALID_NUMBER, 0));
    assertEquals(GOOD.replace(",3,12.50,", ",5.,12.50,"), text(RejectReason.INVALID_NUMBER, 1));
    // 999999999 * 99999999.99 = 99999998990000000.01: beyond DECIMAL(18,2)'s 9999999999999999.99
    assertEquals(GOOD.replace(",3,12.50,", ",999999999,99999999.99,"), text(RejectReason.INVALID_NUMBER, 8));
    assertEquals(GOOD.replace("2025-03-04T10:30:00", "2025-13-01T10:00:00"), text(RejectReason.INVALID_TIMESTAMP, 0));
    assertEquals(GOOD.replace("2025-03-04T10:30:00", "04/03/2025 10:00"), text(RejectReason.INVALID_TIMESTAMP, 1));
    assertEquals(GOOD.replace(",12.50,", ",-12.50,"), text(RejectReason.NEGATIVE_PRICE, 0));
    assertEquals(GOOD.replace(",PHONE,", ",FAX,"), text(RejectReason.UNKNOWN_ORDER_SOURCE, 0));
    assertEquals(GOOD.replace(",EUR,", ",CAD,"), text(RejectReason.MISSING_FX_RATE, 0));
    // 20 days before the first rate (2023-10-23)
    assertEquals(
        GOOD.replace("2025-03-04T10:30:00", "2023-10-03T10:15:00").replace("2025-03-04T11:00:00", "2023-10-03T11:00:00"),
        text(RejectReason.MISSING_FX_RATE, 2));
  }

  @Test
  void variantsCycle() {
    assertEquals(text(RejectReason.UNKNOWN_ORDER_SOURCE, 0), text(RejectReason.UNKNOWN_ORDER_SOURCE, 4));
  }
}
