package com.channelexpansion.ingest.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.ChannelDefinition;
import com.channelexpansion.config.FxRate;
import com.channelexpansion.config.Settings;
import com.channelexpansion.ingest.read.RawOrderLine;
import com.channelexpansion.warehouse.ChannelRule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportLineValidatorTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static final List<ChannelDefinition> CHANNELS =
      List.of(
          new ChannelDefinition("WEB", Channel.ONLINE, "Orders placed on the web shop"),
          new ChannelDefinition("EDI", Channel.ONLINE, "Orders received by EDI"),
          new ChannelDefinition("PHONE", Channel.SALES_ASSISTED, "Orders taken by a rep by phone"));

  /** EUR: 1.10 from 2024-01-01, 1.085 from 2024-03-01, 1.20 from 2024-04-01. No GBP, no USD. */
  private static final FxRateTable FX =
      new FxRateTable(
          List.of(
              new FxRate(LocalDate.parse("2024-01-01"), "EUR", new BigDecimal("1.10")),
              new FxRate(LocalDate.parse("2024-03-01"), "EUR", new BigDecimal("1.085")),
              new FxRate(LocalDate.parse("2024-04-01"), "EUR", new BigDecimal("1.20"))),
          "USD");

  private static Settings settings(ZoneId zone, boolean quoteConvertsToAssisted) {
    return new Settings(
        "USD", zone, LocalDate.parse("2024-01-01"), new BigDecimal("0.005"), quoteConvertsToAssisted, null);
  }

  private static ExportLineValidator validator(ZoneId zone, boolean quoteConvertsToAssisted) {
    return new ExportLineValidator(settings(zone, quoteConvertsToAssisted), CHANNELS, FX);
  }

  private final ExportLineValidator utc = validator(UTC, true);

  private ValidatedLine accept(RawLines line) {
    ValidatedLine v = utc.validate(line.build());
    assertTrue(v.accepted(), "expected accepted, got " + v.rejectReason());
    return v;
  }

  private RejectReason reasonOf(RawLines line) {
    return utc.validate(line.build()).rejectReason();
  }

  private String detailOf(RawLines line) {
    return utc.validate(line.build()).rejectDetail();
  }

  // ---- accepted lines -------------------------------------------------------------------------

  @Test
  void acceptedLineIsTypedAndNormalized() {
    ValidatedLine v =
        accept(RawLines.valid().with("order_status", "Shipped").with("updated_at", "2024-03-16 08:00"));
    assertEquals("2024/03/export.csv", v.sourceFile());
    assertEquals(7, v.sourceLine());
    assertEquals("raw text of line 7", v.rawRecord());
    assertNull(v.rejectReason());
    assertNull(v.rejectDetail());
    assertEquals("so-1001", v.orderId()); // ids keep their case
    assertEquals(1L, v.lineNumber());
    assertEquals(Instant.parse("2024-03-15T10:00:00Z"), v.orderTimestamp());
    assertEquals(LocalDate.parse("2024-03-15"), v.orderDate());
    assertEquals("2024-03", v.month());
    assertEquals("c-42", v.customerId());
    assertEquals("WEB", v.orderSource()); // codes upper-cased
    assertEquals(Channel.ONLINE, v.channel());
    assertEquals(ChannelRule.ORDER_SOURCE_DEFINITION, v.channelRule());
    assertNull(v.salesRepId());
    assertNull(v.quoteId());
    assertEquals("sku-9", v.sku());
    assertEquals(new BigDecimal("3.000000"), v.quantity()); // scale 6
    assertEquals(new BigDecimal("19.990000"), v.unitPrice());
    assertEquals(new BigDecimal("2.500000"), v.discountAmount());
    assertEquals("EUR", v.currency());
    assertEquals(new BigDecimal("1.0850000000"), v.fxRate()); // rate of 2024-03-01, scale 10
    // (3 * 19.99 - 2.50) * 1.085 = 57.47 * 1.085 = 62.35495 -> HALF_UP to cents = 62.35
    assertEquals(new BigDecimal("62.35"), v.amount());
    assertEquals("SHIPPED", v.orderStatus());
    assertFalse(v.cancelled());
    assertEquals(Instant.parse("2024-03-16T08:00:00Z"), v.updatedAt()); // local time in UTC
  }

  @Test
  void emptyDiscountIsZero() {
    ValidatedLine v = accept(RawLines.valid().with("discount_amount", null));
    assertEquals(new BigDecimal("0.000000"), v.discountAmount());
    // 3 * 19.99 * 1.085 = 59.97 * 1.085 = 65.06745 -> 65.07
    assertEquals(new BigDecimal("65.07"), v.amount());
  }

  @Test
  void negativeDiscountIsAllowedAndAddsToTheAmount() {
    ValidatedLine v =
        accept(RawLines.valid().with("currency", "USD").with("quantity", "2").with("unit_price", "10")
            .with("discount_amount", "-1.5"));
    // 2 * 10 - (-1.5) = 21.5, USD rate 1
    assertEquals(new BigDecimal("21.50"), v.amount());
    assertEquals(new BigDecimal("-1.500000"), v.discountAmount());
  }

  @ParameterizedTest(name = "empty optional {0} is accepted")
  @ValueSource(strings = {"sales_rep_id", "quote_id", "sku", "discount_amount", "order_status", "updated_at"})
  void optionalFieldsMayBeEmpty(String column) {
    accept(RawLines.valid().with(column, null));
  }

  @Test
  void amountRoundsHalfUpAwayFromZero() {
    RawLines ret = RawLines.valid().with("currency", "USD").with("discount_amount", null)
        .with("unit_price", "0.125");
    // a return: -1 * 0.125 = -0.125 -> HALF_UP away from zero -> -0.13
    assertEquals(new BigDecimal("-0.13"), accept(ret.with("quantity", "-1")).amount());
    // 1 * 0.125 = 0.125 -> 0.13
    assertEquals(new BigDecimal("0.13"), accept(ret.with("quantity", "1")).amount());
    // 1 * 0.124999 = 0.124999 -> 0.12
    assertEquals(new BigDecimal("0.12"), accept(ret.with("unit_price", "0.124999")).amount());
  }

  @Test
  void amountIsRoundedOnceAfterFx() {
    // EUR 1.085: 3 * 0.333333 = 0.999999; * 1.085 = 1.084998915 -> 1.08
    // (rounding to cents before FX would give 1.00 * 1.085 = 1.085 -> 1.09)
    ValidatedLine v = accept(RawLines.valid().with("discount_amount", null).with("unit_price", "0.333333"));
    assertEquals(new BigDecimal("1.08"), v.amount());
  }

  @Test
  void minusZeroPriceIsNotNegative() {
    ValidatedLine v = accept(RawLines.valid().with("unit_price", "-0").with("discount_amount", null));
    assertEquals(0, v.unitPrice().signum());
    assertEquals(0, v.amount().signum());
  }

  @Test
  void lineNumberForms() {
    assertEquals(1L, accept(RawLines.valid().with("line_number", "01")).lineNumber());
    assertEquals(1L, accept(RawLines.valid().with("line_number", "+1")).lineNumber());
    assertEquals(0L, accept(RawLines.valid().with("line_number", "-0")).lineNumber());
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(RawLines.valid().with("line_number", "-1")));
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(RawLines.valid().with("line_number", "1.0")));
  }

  // ---- rule 3: order_date in time_zone, and the FX rate of that date -------------------------

  @Test
  void orderDateIsTheLocalDateInTheTimeZoneAcrossMidnight() {
    RawLines line = RawLines.valid().with("order_timestamp", "2024-04-01T03:00:00Z");
    // New York (EDT, UTC-4): 2024-03-31 23:00 local -> order_date 2024-03-31, month 2024-03,
    // so the EUR rate is 1.085 (2024-03-01), not 1.20 (2024-04-01): 57.47 * 1.085 = 62.35495 -> 62.35
    ValidatedLine ny = validator(NEW_YORK, true).validate(line.build());
    assertEquals(Instant.parse("2024-04-01T03:00:00Z"), ny.orderTimestamp());
    assertEquals(LocalDate.parse("2024-03-31"), ny.orderDate());
    assertEquals("2024-03", ny.month());
    assertEquals(new BigDecimal("1.0850000000"), ny.fxRate());
    assertEquals(new BigDecimal("62.35"), ny.amount());
    // UTC: order_date 2024-04-01, rate 1.20: 57.47 * 1.2 = 68.964 -> 68.96
    ValidatedLine u = utc.validate(line.build());
    assertEquals(LocalDate.parse("2024-04-01"), u.orderDate());
    assertEquals("2024-04", u.month());
    assertEquals(new BigDecimal("68.96"), u.amount());
    // Tokyo (UTC+9): 2024-03-31T16:00Z is 2024-04-01 01:00 local -> 2024-04-01
    ValidatedLine tokyo =
        validator(ZoneId.of("Asia/Tokyo"), true)
            .validate(RawLines.valid().with("order_timestamp", "2024-03-31T16:00:00Z").build());
    assertEquals(LocalDate.parse("2024-04-01"), tokyo.orderDate());
    assertEquals("2024-04", tokyo.month());
  }

  @Test
  void timestampWithoutOffsetIsLocalTimeInTheTimeZone() {
    ValidatedLine v =
        validator(NEW_YORK, true)
            .validate(RawLines.valid().with("order_timestamp", "2024-03-31 23:30").build());
    // 23:30 EDT + 4h = 2024-04-01T03:30Z; the local date stays 2024-03-31
    assertEquals(Instant.parse("2024-04-01T03:30:00Z"), v.orderTimestamp());
    assertEquals(LocalDate.parse("2024-03-31"), v.orderDate());
  }

  // ---- rule 4: channels -----------------------------------------------------------------------

  @Test
  void channelIsTheGroupOfTheOrderSourceIgnoringCase() {
    ValidatedLine phone = accept(RawLines.valid().with("order_source", "Phone"));
    assertEquals("PHONE", phone.orderSource());
    assertEquals(Channel.SALES_ASSISTED, phone.channel());
    assertEquals(ChannelRule.ORDER_SOURCE_DEFINITION, phone.channelRule());
    assertEquals(Channel.ONLINE, accept(RawLines.valid().with("order_source", "eDi")).channel());
  }

  @Test
  void onlineLineWithAQuoteIsSalesAssistedWhenQuotesConvert() {
    RawOrderLine quoted = RawLines.valid().with("quote_id", "Q-77").build();
    ValidatedLine on = validator(UTC, true).validate(quoted);
    assertEquals(Channel.SALES_ASSISTED, on.channel());
    assertEquals(ChannelRule.QUOTE_CONVERTED_ONLINE, on.channelRule());
    assertEquals("Q-77", on.quoteId());
    ValidatedLine off = validator(UTC, false).validate(quoted);
    assertEquals(Channel.ONLINE, off.channel());
    assertEquals(ChannelRule.ORDER_SOURCE_DEFINITION, off.channelRule());
  }

  @Test
  void salesAssistedLineWithAQuoteKeepsTheSourceRule() {
    ValidatedLine v = accept(RawLines.valid().with("order_source", "PHONE").with("quote_id", "Q-77"));
    assertEquals(Channel.SALES_ASSISTED, v.channel());
    assertEquals(ChannelRule.ORDER_SOURCE_DEFINITION, v.channelRule());
  }

  // ---- cancelled ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} cancels")
  @ValueSource(strings = {"CANCELLED", "cancelled", "Canceled", "CANCELED", "canceled"})
  void bothSpellingsOfCancelledInAnyCaseCancel(String status) {
    ValidatedLine v = accept(RawLines.valid().with("order_status", status));
    assertTrue(v.cancelled());
    assertEquals(status.toUpperCase(java.util.Locale.ROOT), v.orderStatus());
  }

  @ParameterizedTest(name = "{0} counts")
  @ValueSource(strings = {"SHIPPED", "CANCEL", "CANCELLATION_REQUESTED", "NOT CANCELLED", "OPEN"})
  void otherStatusesCount(String status) {
    assertFalse(accept(RawLines.valid().with("order_status", status)).cancelled());
  }

  @Test
  void emptyStatusCounts() {
    ValidatedLine v = accept(RawLines.valid().with("order_status", null));
    assertNull(v.orderStatus());
    assertFalse(v.cancelled());
  }

  // ---- each reason on its own ------------------------------------------------------------------

  @Test
  void malformedRow() {
    ValidatedLine v =
        utc.validate(
            RawOrderLine.malformed("a.csv", 12, "x,\"y", "record: unterminated quoted field"));
    assertEquals(RejectReason.MALFORMED_ROW, v.rejectReason());
    assertEquals("record: unterminated quoted field", v.rejectDetail()); // the reader's detail
    assertEquals("a.csv", v.sourceFile()); // a reject keeps file, line and raw text
    assertEquals(12, v.sourceLine());
    assertEquals("x,\"y", v.rawRecord());
    assertNull(v.amount());
  }

  @ParameterizedTest(name = "empty required {0}")
  @ValueSource(
      strings = {"order_id", "line_number", "order_timestamp", "customer_id", "order_source",
        "quantity", "unit_price", "currency"})
  void missingRequiredField(String column) {
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, reasonOf(RawLines.valid().with(column, null)));
    assertEquals(column + ": empty", detailOf(RawLines.valid().with(column, null)));
  }

  @Test
  void theFirstEmptyRequiredFieldInCanonicalOrderIsNamed() {
    assertEquals("customer_id: empty",
        detailOf(RawLines.valid().with("currency", null).with("customer_id", null)));
  }

  @Test
  void headerWithoutARequiredColumnRejectsEveryRow() {
    RawLines line = RawLines.valid().headerMissingRequired("header: no column customer_id");
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, reasonOf(line));
    assertEquals("header: no column customer_id", detailOf(line));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "quantity, 1e3",
    "quantity, '1,000'",
    "quantity, 5.",
    "quantity, .5",
    "quantity, 1.1234567", // 7 decimals
    "quantity, 1000000000000", // 10^12
    "unit_price, abc",
    "unit_price, -1000000000000",
    "discount_amount, 1 000", // a bad optional field rejects the row too
    "line_number, 1.5"
  })
  void invalidNumber(String column, String value) {
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(RawLines.valid().with(column, value)));
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "quantity|1e5|quantity: '1e5' has an exponent",
        "unit_price|1,200.00|unit_price: '1,200.00' has a thousands separator",
        "discount_amount|5.|discount_amount: '5.' has no digit after '.'",
        "line_number|-1|line_number: '-1' is not a non-negative integer",
        "quantity|1000000000000|quantity: '1000000000000' is too large (its size must be below 10^12)"
      })
  void invalidNumberNamesTheFieldAndTheProblem(String column, String value, String detail) {
    assertEquals(detail, detailOf(RawLines.valid().with(column, value)));
  }

  @Test
  void theFirstBadNumberInCanonicalOrderIsNamed() {
    assertEquals("line_number: 'x' is not a number",
        detailOf(RawLines.valid().with("discount_amount", "5.").with("line_number", "x")));
  }

  @Test
  void amountBeforeFxMustFitDecimal18x2() {
    RawLines big = RawLines.valid().with("currency", "USD").with("quantity", "100000")
        .with("unit_price", "100000000000");
    // 100000 * 10^11 - 0.006 = 9999999999999999.994 -> 9999999999999999.99: the largest
    // DECIMAL(18,2) passes this check, and is then too large after FX (at any rate above 10^-4)
    assertTrue(
        detailOf(big.with("discount_amount", "0.006"))
            .startsWith("amount: 9999999999999999.99 after FX"));
    // 10^16 - 0.005 = 9999999999999999.995 -> HALF_UP 10000000000000000.00: 17 integer digits
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(big.with("discount_amount", "0.005")));
    assertEquals(
        "amount: quantity * unit_price - discount_amount = 10000000000000000.00"
            + " does not fit DECIMAL(18,2)",
        detailOf(big.with("discount_amount", "0.005")));
  }

  @Test
  void amountAfterFxMustBeBelow10To12() {
    RawLines big = RawLines.valid().with("unit_price", "1").with("discount_amount", null);
    // USD: 999999999999.994999 -> 999999999999.99, the largest amount accepted
    assertEquals(
        new BigDecimal("999999999999.99"),
        accept(big.with("currency", "USD").with("quantity", "999999999999.994999")).amount());
    // ... and 999999999999.995 rounds to 10^12: too large
    assertEquals(
        "amount: 1000000000000.00 after FX (rate 1) is too large (its size must be below 10^12)",
        detailOf(big.with("currency", "USD").with("quantity", "999999999999.995")));
    // EUR at 1.085: 999999999999 EUR is 1084999999998.92 USD
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(big.with("currency", "EUR").with("quantity", "999999999999")));
    assertEquals(
        "amount: 1084999999998.92 after FX (rate 1.085) is too large (its size must be below 10^12)",
        detailOf(big.with("currency", "EUR").with("quantity", "999999999999")));
  }

  @Test
  void aHugeButValidLookingAmountIsInvalidNumber() {
    // Issue 13: 99999999999.999999 x 100000 fits DECIMAL(18,2) before FX but blocked every report.
    RawLines huge =
        RawLines.valid().with("currency", "USD").with("quantity", "99999999999.999999")
            .with("unit_price", "100000").with("discount_amount", null);
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(huge));
    assertEquals(
        "amount: 9999999999999999.90 after FX (rate 1) is too large (its size must be below 10^12)",
        detailOf(huge));
  }

  @Test
  void aDateBefore2000IsInvalidTimestamp() {
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("order_timestamp", "0001-01-01")));
    assertEquals(
        "order_timestamp: '0001-01-01' has an order_date before 2000-01-01",
        detailOf(RawLines.valid().with("order_timestamp", "0001-01-01")));
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("order_timestamp", "1999-12-31T23:59:59Z")));
    // The local date counts: 2000-01-01 03:00 UTC is 1999-12-31 in New York.
    ValidatedLine ny =
        validator(NEW_YORK, true)
            .validate(RawLines.valid().with("order_timestamp", "2000-01-01T03:00:00Z").build());
    assertEquals(
        "order_timestamp: '2000-01-01T03:00:00Z' has an order_date before 2000-01-01",
        ny.rejectDetail());
    assertEquals(
        LocalDate.parse("2000-01-01"),
        accept(RawLines.valid().with("currency", "USD").with("order_timestamp", "2000-01-01")).orderDate());
    // Dates far in the future are accepted.
    assertEquals(
        LocalDate.parse("9999-12-31"),
        accept(RawLines.valid().with("currency", "USD").with("order_timestamp", "9999-12-31")).orderDate());
  }

  @Test
  void invalidTimestamp() {
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("order_timestamp", "2024-02-30T10:00:00Z")));
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("order_timestamp", "2024-03-15Z"))); // offset without time
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("order_timestamp", "15/03/2024")));
    // updated_at is optional, but a bad one rejects the row
    assertEquals(RejectReason.INVALID_TIMESTAMP, reasonOf(RawLines.valid().with("updated_at", "yesterday")));
  }

  @Test
  void invalidTimestampNamesTheFieldAndTheProblem() {
    assertEquals("order_timestamp: '2024-13-01' is not a timestamp (no such date, time or offset)",
        detailOf(RawLines.valid().with("order_timestamp", "2024-13-01")));
    assertEquals("order_timestamp: '2024-03-15Z' has an offset but no time",
        detailOf(RawLines.valid().with("order_timestamp", "2024-03-15Z")));
    assertEquals("updated_at: 'yesterday' is not a timestamp",
        detailOf(RawLines.valid().with("updated_at", "yesterday")));
    // A bad order_timestamp is named before a bad updated_at.
    assertEquals("order_timestamp: 'never' is not a timestamp",
        detailOf(RawLines.valid().with("order_timestamp", "never").with("updated_at", "bad")));
  }

  @Test
  void negativePrice() {
    assertEquals(RejectReason.NEGATIVE_PRICE, reasonOf(RawLines.valid().with("unit_price", "-0.01")));
    assertEquals("unit_price: -3.00 is negative", detailOf(RawLines.valid().with("unit_price", "-3.00")));
  }

  @Test
  void unknownOrderSource() {
    assertEquals(RejectReason.UNKNOWN_ORDER_SOURCE, reasonOf(RawLines.valid().with("order_source", "FAX")));
    assertEquals("order_source: 'FAX' has no channel definition",
        detailOf(RawLines.valid().with("order_source", "FAX")));
  }

  @Test
  void missingFxRate() {
    // no GBP rate at all
    assertEquals(RejectReason.MISSING_FX_RATE, reasonOf(RawLines.valid().with("currency", "GBP")));
    assertEquals("currency: no GBP rate on or before 2024-03-15",
        detailOf(RawLines.valid().with("currency", "gbp")));
    // EUR's first rate is 2024-01-01: an order of 2023-12-31 has none on or before its date
    assertEquals(RejectReason.MISSING_FX_RATE,
        reasonOf(RawLines.valid().with("order_timestamp", "2023-12-31T23:59:59Z")));
    assertEquals("currency: no EUR rate on or before 2023-12-31",
        detailOf(RawLines.valid().with("order_timestamp", "2023-12-31T23:59:59Z")));
    // ... and the day of the first rate has one: 57.47 * 1.10 = 63.217 -> 63.22
    assertEquals(new BigDecimal("63.22"),
        accept(RawLines.valid().with("order_timestamp", "2024-01-01T00:00:00Z")).amount());
  }

  @Test
  void reportingCurrencyNeedsNoRateWhateverTheDate() {
    // no USD row exists; an order of 2001 (before every rate) converts at 1: 57.47 * 1 = 57.47
    ValidatedLine v = accept(RawLines.valid().with("currency", "usd").with("order_timestamp", "2001-06-01"));
    assertEquals("USD", v.currency());
    assertEquals(new BigDecimal("1.0000000000"), v.fxRate());
    assertEquals(new BigDecimal("57.47"), v.amount());
  }

  // ---- precedence when several reasons apply --------------------------------------------------

  @Test
  void malformedBeatsMissingRequiredField() {
    RawLines line =
        RawLines.valid()
            .malformed("record: 15 fields, header has 14")
            .headerMissingRequired("header: no column order_id")
            .with("order_id", null);
    assertEquals(RejectReason.MALFORMED_ROW, reasonOf(line));
    assertEquals("record: 15 fields, header has 14", detailOf(line));
  }

  @Test
  void missingRequiredFieldBeatsInvalidNumber() {
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD,
        reasonOf(RawLines.valid().with("customer_id", null).with("quantity", "1e3")));
  }

  @Test
  void invalidNumberBeatsInvalidTimestamp() {
    assertEquals(RejectReason.INVALID_NUMBER,
        reasonOf(RawLines.valid().with("discount_amount", "5.").with("order_timestamp", "never")));
    // the amount before FX counts as invalid_number too: 10^16 - 0.005 -> 10^16 does not fit
    assertEquals(RejectReason.INVALID_NUMBER,
        reasonOf(RawLines.valid().with("currency", "USD").with("quantity", "100000")
            .with("unit_price", "100000000000").with("discount_amount", "0.005")
            .with("order_timestamp", "never")));
  }

  @Test
  void invalidTimestampBeatsNegativePrice() {
    assertEquals(RejectReason.INVALID_TIMESTAMP,
        reasonOf(RawLines.valid().with("unit_price", "-1").with("updated_at", "2024-13-01")));
  }

  @Test
  void negativePriceBeatsUnknownOrderSource() {
    assertEquals(RejectReason.NEGATIVE_PRICE,
        reasonOf(RawLines.valid().with("unit_price", "-1").with("order_source", "FAX")));
  }

  @Test
  void unknownOrderSourceBeatsMissingFxRate() {
    assertEquals(RejectReason.UNKNOWN_ORDER_SOURCE,
        reasonOf(RawLines.valid().with("order_source", "FAX").with("currency", "GBP")));
  }

  @Test
  void amountAfterFxOverflowRanksAsInvalidNumber() {
    // 999999999999 * 10000 * 1.085 is not below 10^12; the bad updated_at and the unknown
    // source do not matter: invalid_number comes first.
    RawLines line =
        RawLines.valid().with("quantity", "999999999999").with("unit_price", "10000")
            .with("discount_amount", null).with("order_source", "FAX").with("updated_at", "bad");
    assertEquals(RejectReason.INVALID_NUMBER, reasonOf(line));
    assertTrue(detailOf(line).startsWith("amount: "), detailOf(line));
  }

  // ---- Spark ships the validator to executors -------------------------------------------------

  @Test
  void survivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(validator(NEW_YORK, true));
    }
    ExportLineValidator copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ExportLineValidator) in.readObject();
    }
    RawOrderLine line = RawLines.valid().with("quote_id", "Q-1").build();
    assertEquals(validator(NEW_YORK, true).validate(line), copy.validate(line));
    assertEquals(Channel.SALES_ASSISTED, copy.validate(line).channel());
  }
}
