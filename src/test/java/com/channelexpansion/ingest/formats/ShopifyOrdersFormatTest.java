package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Channel;
import com.channelexpansion.ingest.validate.RejectReason;
import com.channelexpansion.ingest.validate.ValidatedLine;
import com.channelexpansion.warehouse.Customers;
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
  void onlyTheFieldsTheProductReadsAreCheckedForControlCharacters() {
    String header =
        "Name,Email,Financial Status,Currency,Total,Created at,Lineitem quantity,Lineitem price,"
            + "Lineitem sku,Lineitem discount,Billing Name,Billing Company,Cancelled at,Source,"
            + "Employee,Notes\n";
    String export =
        header
            // A control character in Notes (not read) and a multi-line Notes: accepted.
            + "#1,a@example.com,paid,USD,5.00,2024-03-05 12:00:00 -0500,1,5.00,SKU-D,0,A,,,web,,"
            + "\"left\u0007\nat door\"\n"
            // A NUL in Lineitem sku (read): malformed_row naming the column.
            + "#2,b@example.com,paid,USD,5.00,2024-03-05 12:00:00 -0500,1,5.00,SKU\u0000,0,B,,,web,,\n"
            + "#3,c@example.com,paid,USD,5.00,2024-03-05 12:00:00 -0500,1,5.00,SKU-E,0,C,,,web,,\n";
    List<ValidatedLine> lines = lines(export);
    assertEquals(3, lines.size());
    assertTrue(lines.get(0).accepted(), lines.get(0).rejectDetail());
    assertEquals(RejectReason.MALFORMED_ROW, lines.get(1).rejectReason());
    assertEquals(4, lines.get(1).sourceLine());
    assertEquals("Lineitem sku: control character U+0000", lines.get(1).rejectDetail());
    assertTrue(lines.get(2).accepted());
  }

  // A discount code on a three-line order: Subtotal 80.00 against lines worth 90.00.
  private static final String DISCOUNTED =
      "Name,Email,Financial Status,Currency,Subtotal,Discount Amount,Total,Refunded Amount,"
          + "Created at,Lineitem quantity,Lineitem price,Lineitem discount,Source,Employee\n"
          + "#2001,a@example.com,partially_refunded,USD,80.00,15.00,86.40,12.50,"
          + "2024-05-02 10:00:00 +0000,3,10.00,0.00,web,\n"
          + "#2001,,,,,,,,,1,25.00,0.00,,\n"
          + "#2001,,,,,,,,,2,20.00,5.00,,\n"
          // No Subtotal: Discount Amount 2.00 minus the line discounts 0.50 = 1.50 to spread.
          + "#2002,b@example.com,paid,USD,,2.00,,0.00,2024-05-03 10:00:00 +0000,1,10.00,0.50,web,\n"
          + "#2002,,,,,,,,,1,5.00,0.00,,\n"
          // A staff draft with no e-mail, company or billing name.
          + "#2003,,paid,USD,40.00,0.00,40.00,,2024-05-04 10:00:00 +0000,2,20.00,0.00,"
          + "shopify_draft_order,Carla Diaz\n"
          + "#2004,c@example.com,paid,USD,1O.00,,,,2024-05-05 10:00:00 +0000,1,10.00,,web,\n";

  private static List<SourceRecord> records(String export) {
    return FormatFixtures.all(FORMAT.read("shop/orders_export.csv", FormatFixtures.utf8(export)));
  }

  @Test
  void anOrderLevelDiscountIsSpreadSoTheLinesAddUpToSubtotal() {
    List<ValidatedLine> lines = lines(DISCOUNTED);
    // Lines worth 30.00, 25.00 and 35.00 (40.00 - 5.00): 10.00 to spread. Exact shares
    // 3.333.., 2.777.., 3.888..: floors 3.33 + 2.77 + 3.88 = 9.98, the two leftover cents go to
    // the largest fractions (.89 then .78): 3.33, 2.78, 3.89.
    assertEquals(new BigDecimal("3.330000"), lines.get(0).discountAmount());
    assertEquals(new BigDecimal("2.780000"), lines.get(1).discountAmount());
    assertEquals(new BigDecimal("8.890000"), lines.get(2).discountAmount());
    assertEquals(new BigDecimal("26.67"), lines.get(0).amount());
    assertEquals(new BigDecimal("22.22"), lines.get(1).amount());
    assertEquals(new BigDecimal("31.11"), lines.get(2).amount());
    BigDecimal counted = lines.get(0).amount().add(lines.get(1).amount()).add(lines.get(2).amount());
    assertEquals(new BigDecimal("80.00"), counted);
  }

  @Test
  void withoutSubtotalTheDiscountAmountBeyondTheLineDiscountsIsSpread() {
    List<ValidatedLine> lines = lines(DISCOUNTED);
    // 1.50 over 9.50 and 5.00: 0.982.. and 0.517.. : 0.98 and 0.52 (the leftover cent to .72).
    assertEquals(new BigDecimal("8.52"), lines.get(3).amount());
    assertEquals(new BigDecimal("4.48"), lines.get(4).amount());
  }

  @Test
  void anOrderWithNoIdentityIsUnidentifiedNotRejected() {
    ValidatedLine draft = lines(DISCOUNTED).get(5);
    assertNull(draft.rejectReason());
    assertEquals(Customers.UNIDENTIFIED, draft.customerId());
    assertEquals("Carla Diaz", draft.salesRepId());
    assertEquals(new BigDecimal("40.00"), draft.amount());
  }

  @Test
  void anUnreadableSubtotalRejectsTheOrderAsInvalidNumber() {
    ValidatedLine line = lines(DISCOUNTED).get(6);
    assertEquals(RejectReason.INVALID_NUMBER, line.rejectReason());
    assertEquals("Subtotal: '1O.00' is not a number", records(DISCOUNTED).get(6).order().problem());
  }

  @Test
  void refundedAmountTravelsWithTheOrdersFirstLineOnly() {
    List<SourceRecord> records = records(DISCOUNTED);
    assertEquals("12.50", records.get(0).order().refundedAmount());
    assertNull(records.get(1).order().refundedAmount());
    assertNull(records.get(2).order().refundedAmount());
    assertEquals("0.00", records.get(3).order().refundedAmount());
  }

  @Test
  void headerWithoutARequiredColumnRejectsEveryRow() {
    String noSource =
        "Name,Email,Currency,Created at,Lineitem quantity,Lineitem price\n"
            + "#1,a@b.c,USD,2024-03-01 10:00:00 +0000,1,1.00\n";
    ValidatedLine line = lines(noSource).get(0);
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, line.rejectReason());
    assertEquals("header: no column Source", line.rejectDetail());
    String noSourceNorCurrency =
        "Name,Created at,Lineitem quantity,Lineitem price\n"
            + "#1,2024-03-01 10:00:00 +0000,1,1.00\n";
    assertEquals(
        "header: no columns Source, Currency", lines(noSourceNorCurrency).get(0).rejectDetail());
  }

  @Test
  void aHeaderWithoutCustomerColumnsMakesEveryOrderUnidentified() {
    String noCustomer =
        "Name,Currency,Created at,Source,Lineitem quantity,Lineitem price\n"
            + "#1,USD,2024-03-01 10:00:00 +0000,web,1,1.00\n";
    ValidatedLine line = lines(noCustomer).get(0);
    assertTrue(line.accepted(), line.rejectDetail());
    assertEquals(Customers.UNIDENTIFIED, line.customerId());
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
