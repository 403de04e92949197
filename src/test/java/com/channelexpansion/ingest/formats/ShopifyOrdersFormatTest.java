package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Channel;
import com.channelexpansion.ingest.RejectReason;
import com.channelexpansion.ingest.ValidatedLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopifyOrdersFormatTest {
  private static final String KEY = "0123456789abcdef-test-key";
  private static final ShopifyOrdersFormat FORMAT =
      new ShopifyOrdersFormat(new CustomerPseudonymizer(KEY));

  // Order-level columns only on an order's first row, as Shopify writes them.
  private static final String EXPORT =
      "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem price,"
          + "Lineitem sku,Lineitem discount,Billing Name,Billing Company,Cancelled at,Source,Employee\n"
          + "#1001,ann@example.com,paid,USD,45.00,2024-03-01 10:15:00 -0500,2,10.00,SKU-A,0.00,"
          + "Ann Smith,Acme Corp,,web,\n"
          + "#1001,ann@example.com,,,,,1,25.00,SKU-B,0.00,,,,,\n"
          + "#1002,bob@example.com,paid,USD,30.00,2024-03-02 09:00:00 +0500,3,10.00,SKU-A,0.00,"
          + "Bob Jones,,2024-03-03 08:00:00 +0500,pos,Carla\n"
          + "#1003,,paid,USD,0.00,2024-03-04 12:00:00 -0500,1,15.00,SKU-C,15.00,Dan Ray,,,"
          + "shopify_draft_order,Erin\n"
          + "#1004,\"eve@example.com\"x,paid,USD,5.00,2024-03-05 12:00:00 -0500,1,5.00,SKU-D,0,Eve,,,web,\n";

  private static List<ValidatedLine> lines(String export) {
    return FormatFixtures.validateAll(
        FORMAT.read("shop/orders_export.csv", FormatFixtures.utf8(export)),
        FormatFixtures.validator("USD", "UTC"));
  }

  @Test
  void firstRowCarriesTheOrderToItsLaterRows() {
    List<ValidatedLine> lines = lines(EXPORT);
    assertEquals(5, lines.size());
    ValidatedLine first = lines.get(0);
    ValidatedLine second = lines.get(1);
    assertEquals(2, first.sourceLine());
    assertEquals("#1001", first.orderId());
    assertEquals(1L, first.lineNumber());
    assertEquals(2L, second.lineNumber());
    // 10:15 at -05:00 = 15:15Z; the second row has no Created at of its own.
    assertEquals(Instant.parse("2024-03-01T15:15:00Z"), first.orderTimestamp());
    assertEquals(first.orderTimestamp(), second.orderTimestamp());
    assertEquals("WEB", first.orderSource());
    assertEquals(Channel.ONLINE, second.channel());
    assertEquals("USD", second.currency());
    assertEquals("SKU-B", second.sku());
    // 2 x 10.00 - 0 = 20.00; 1 x 25.00 = 25.00.
    assertEquals(new BigDecimal("20.00"), first.amount());
    assertEquals(new BigDecimal("25.00"), second.amount());
    // Billing Company wins over e-mail and name: HMAC-SHA256(key, "company:acme corp"),
    // first 16 bytes in hex (computed with Python's hmac module).
    assertEquals("cust_e024b8b567b7d3026128cfdf57161b92", first.customerId());
    assertEquals(first.customerId(), second.customerId());
  }

  @Test
  void cancelledAtCancelsAndEmailIsTheCustomerWithoutACompany() {
    ValidatedLine line = lines(EXPORT).get(2);
    assertEquals("CANCELLED", line.orderStatus());
    assertTrue(line.cancelled());
    // 08:00 at +05:00 = 03:00Z: a cancelled version beats an older export of the order.
    assertEquals(Instant.parse("2024-03-03T03:00:00Z"), line.updatedAt());
    assertEquals(Instant.parse("2024-03-02T04:00:00Z"), line.orderTimestamp());
    assertEquals("Carla", line.salesRepId());
    assertEquals("cust_71641f3aa509a1f3f29b2ad380c387e5", line.customerId());
  }

  @Test
  void zeroTotalStaffDraftIsExcludedNotCounted() {
    ValidatedLine draft = lines(EXPORT).get(3);
    assertTrue(draft.accepted(), "kept in order_lines");
    assertEquals("EXCLUDED_ZERO_VALUE_DRAFT", draft.orderStatus());
    assertTrue(draft.cancelled(), "counts nowhere");
    // No company, no e-mail: the billing name.
    assertEquals("cust_03f478fa8cf411a6915882aafb6aff19", draft.customerId());
    // 1 x 15.00 - 15.00 = 0.00
    assertEquals(new BigDecimal("0.00"), draft.amount());
  }

  @Test
  void draftWithATotalCountsAndExclusionNeverHidesADataProblem() {
    String header = EXPORT.substring(0, EXPORT.indexOf('\n') + 1);
    List<ValidatedLine> lines =
        lines(
            header
                + "#2001,,paid,USD,12.00,2024-03-04 12:00:00 -0500,1,12.00,S,0,Dan Ray,,,shopify_draft_order,\n"
                + "#2002,,paid,USD,0,2024-03-04 12:00:00 -0500,abc,0,S,0,Dan Ray,,,shopify_draft_order,\n");
    assertFalse(lines.get(0).cancelled());
    assertEquals("PAID", lines.get(0).orderStatus());
    assertEquals(RejectReason.INVALID_NUMBER, lines.get(1).rejectReason());
  }

  @Test
  void noEmailOrNameReachesRawRecords() {
    List<ValidatedLine> lines = lines(EXPORT);
    for (ValidatedLine line : lines) {
      for (String personal : List.of("ann@", "Ann Smith", "Acme", "bob@", "Bob Jones", "Dan Ray", "eve@")) {
        assertFalse(line.rawRecord().contains(personal), line.rawRecord());
        if (!line.accepted()) {
          assertFalse(line.rejectDetail().contains(personal), line.rejectDetail());
        }
      }
    }
    // Kept columns as exported, personal ones as *.
    assertEquals(
        "#1001,*,paid,USD,45.00,2024-03-01 10:15:00 -0500,2,10.00,SKU-A,0.00,*,*,,web,",
        lines.get(0).rawRecord());
    ValidatedLine broken = lines.get(4);
    assertEquals(RejectReason.MALFORMED_ROW, broken.rejectReason());
    assertEquals(6, broken.sourceLine());
    assertTrue(broken.rawRecord().startsWith("(malformed Shopify row of "), broken.rawRecord());
    assertEquals("record: text after a closing quote", broken.rejectDetail());
  }

  @Test
  void headerWithoutARequiredColumnRejectsEveryRow() {
    String noSource =
        "Name,Email,Currency,Created at,Lineitem quantity,Lineitem price\n"
            + "#1,a@b.c,USD,2024-03-01 10:00:00 +0000,1,1.00\n";
    ValidatedLine line = lines(noSource).get(0);
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, line.rejectReason());
    assertEquals("header: no column Source", line.rejectDetail());
    String noCustomer =
        "Name,Currency,Created at,Lineitem quantity,Lineitem price\n"
            + "#1,USD,2024-03-01 10:00:00 +0000,1,1.00\n";
    assertEquals(
        "header: no columns Source, Billing Company/Email/Billing Name",
        lines(noCustomer).get(0).rejectDetail());
  }

  @Test
  void columnsAreFoundByNameInAnyOrderAndCase() {
    String reordered =
        "lineitem PRICE,SOURCE,name,created AT,Lineitem Quantity,currency,email\n"
            + "3.50,web,#7,2024-03-01T10:00:00Z,4,usd,x@y.z\n";
    ValidatedLine line = lines(reordered).get(0);
    // 4 x 3.50 = 14.00
    assertEquals(new BigDecimal("14.00"), line.amount());
    assertEquals("#7", line.orderId());
  }

  @Test
  void createdAtFormsBecomeTheCanonicalGrammar() {
    assertEquals("2024-03-01 10:15:00-0500", ShopifyOrdersFormat.normalizeTimestamp("2024-03-01 10:15:00 -0500"));
    assertEquals("2024-03-01 10:15:00+05:30", ShopifyOrdersFormat.normalizeTimestamp("2024-03-01 10:15:00 +05:30"));
    assertEquals("2024-03-01 10:15:00Z", ShopifyOrdersFormat.normalizeTimestamp("2024-03-01 10:15:00 UTC"));
    assertEquals("2024-03-01T10:15:00-05:00", ShopifyOrdersFormat.normalizeTimestamp("2024-03-01T10:15:00-05:00"));
    assertEquals("03/01/2024 10:15", ShopifyOrdersFormat.normalizeTimestamp("03/01/2024 10:15"));
    assertNull(ShopifyOrdersFormat.normalizeTimestamp(null));
  }

  @Test
  void pseudonymsIgnoreCaseAndSpacingAndDependOnTheKey() {
    CustomerPseudonymizer p = new CustomerPseudonymizer(KEY);
    assertEquals(p.pseudonym("company", "Acme Corp"), p.pseudonym("company", "  ACME   corp "));
    assertNotEquals(p.pseudonym("company", "x@y.z"), p.pseudonym("email", "x@y.z"));
    assertNotEquals(
        p.pseudonym("email", "x@y.z"),
        new CustomerPseudonymizer("another-key-of-16+chars").pseudonym("email", "x@y.z"));
    assertThrows(IllegalArgumentException.class, () -> new CustomerPseudonymizer("short"));
  }
}
