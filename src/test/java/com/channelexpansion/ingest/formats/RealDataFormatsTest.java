package com.channelexpansion.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.ingest.validate.ExportLineValidator;
import com.channelexpansion.ingest.validate.RejectReason;
import com.channelexpansion.ingest.validate.ValidatedLine;
import com.channelexpansion.testing.RealData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped mappings on the two real files of ../shared/real-data (skipped only when that
 * folder is absent). Every expected number was counted independently with Python's csv module
 * (decimal arithmetic, HALF_UP to cents), not with this code.
 */
class RealDataFormatsTest {
  private static final Path REAL_DATA = RealData.ROOT;
  private static final Path UCI = REAL_DATA.resolve("uci-online-retail/online-retail-2010-12.csv");
  private static final Path NORTHWIND = REAL_DATA.resolve("northwind");

  private static List<ValidatedLine> read(SourceFormat format, Path file, ExportLineValidator v)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return FormatFixtures.validateAll(format.read(file.getFileName().toString(), in), v);
    }
  }

  private static List<ValidatedLine> readPair(SourceFormat format, String orders, ExportLineValidator v)
      throws IOException {
    return readPair(format, Files.readAllBytes(NORTHWIND.resolve(orders)), orders, v);
  }

  private static List<ValidatedLine> readPair(
      SourceFormat format, byte[] orderBytes, String orders, ExportLineValidator v)
      throws IOException {
    try (InputStream orderIn = new ByteArrayInputStream(orderBytes);
        InputStream lineIn = Files.newInputStream(NORTHWIND.resolve("order-details.csv"))) {
      return FormatFixtures.validateAll(
          format.read("northwind/" + orders, orderIn, "northwind/order-details.csv", lineIn), v);
    }
  }

  /**
   * Northwind's orders are of 1996-1998, before 2000, so every one is invalid_timestamp: to check
   * the mapping's values the dates of this copy are moved 30 years on (1996-07-04 becomes
   * 2026-07-04), nothing else changed.
   */
  private static List<ValidatedLine> readPairIn2020s(
      SourceFormat format, String orders, ExportLineValidator v) throws IOException {
    String text = Files.readString(NORTHWIND.resolve(orders), StandardCharsets.UTF_8);
    String moved = text.replaceAll("\\b199([0-9])-([0-9]{2})-([0-9]{2})\\b", "202$1-$2-$3");
    return readPair(format, moved.getBytes(StandardCharsets.UTF_8), orders, v);
  }

  private static Map<String, Long> byReason(List<ValidatedLine> lines) {
    return lines.stream()
        .collect(
            Collectors.groupingBy(
                l -> l.accepted() ? "accepted" : l.rejectReason().code(), TreeMap::new,
                Collectors.counting()));
  }

  private static BigDecimal totalAmount(List<ValidatedLine> lines) {
    return lines.stream()
        .filter(ValidatedLine::accepted)
        .map(ValidatedLine::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static ValidatedLine atLine(List<ValidatedLine> lines, String file, long line) {
    return lines.stream()
        .filter(l -> l.sourceFile().equals(file) && l.sourceLine() == line)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void uciOnlineRetailWithTheShippedMapping() throws IOException {
    RealData.require("uci-online-retail/online-retail-2010-12.csv");
    MappedFormat format = new MappedFormat(MappingLoader.load(Path.of("mappings/uci-online-retail.csv")));
    List<ValidatedLine> lines = read(format, UCI, FormatFixtures.validator("GBP", "Europe/London"));

    // 39,530 records after the header: 39,529 of 8 fields + the cut-off `539650,84347,R`.
    // Of the 39,529: 13,766 have no CustomerID; the other 25,763 are accepted.
    assertEquals(39_530, lines.size(), "records read");
    assertEquals(
        Map.of("accepted", 25_763L, "malformed_row", 1L, "missing_required_field", 13_766L),
        byReason(lines));
    ValidatedLine truncated = atLine(lines, UCI.getFileName().toString(), 39_531);
    assertEquals(RejectReason.MALFORMED_ROW, truncated.rejectReason());
    assertEquals("539650,84347,R", truncated.rawRecord());

    // Sum over accepted lines of round_half_up(Quantity * UnitPrice, 2), in GBP: 526,349.97.
    assertEquals(new BigDecimal("526349.97"), totalAmount(lines));

    // Line 38250 holds the one latin-1 byte (0xA3): windows-1252 reads it as the pound sign;
    // the row has no CustomerID, so it is missing_required_field, not malformed_row.
    ValidatedLine pound = atLine(lines, UCI.getFileName().toString(), 38_250);
    assertEquals(RejectReason.MISSING_REQUIRED_FIELD, pound.rejectReason());
    assertTrue(pound.rawRecord().contains("Gift Voucher \u00a340.00"), pound.rawRecord());

    // Invoice 536365 is on lines 2-8: line_number = position 1..7; 01/12/2010 08:26 London
    // (GMT in December) = 08:26Z.
    for (int position = 1; position <= 7; position++) {
      ValidatedLine line = atLine(lines, UCI.getFileName().toString(), position + 1);
      assertEquals("536365", line.orderId());
      assertEquals(position, line.lineNumber());
      assertEquals(Instant.parse("2010-12-01T08:26:00Z"), line.orderTimestamp());
      assertEquals("17850", line.customerId());
      assertEquals("WEB", line.orderSource());
    }
    // Cancellation invoices (C...) are credit notes with negative quantities: kept as returns,
    // not CANCELLED. 644 accepted, all negative; C536379 line 143: -1 x 27.50 = -27.50.
    List<ValidatedLine> credits =
        lines.stream().filter(l -> l.accepted() && l.orderId().startsWith("C")).toList();
    assertEquals(644, credits.size());
    assertTrue(credits.stream().allMatch(l -> l.quantity().signum() < 0 && !l.cancelled()));
    ValidatedLine credit = atLine(lines, UCI.getFileName().toString(), 143);
    assertEquals("C536379", credit.orderId());
    assertEquals(new BigDecimal("-27.50"), credit.amount());
  }

  @Test
  void uciReadAsUtf8MakesTheLatin1LineMalformed(@TempDir Path dir) throws IOException {
    RealData.require("uci-online-retail/online-retail-2010-12.csv");
    String utf8Mapping =
        Files.readString(Path.of("mappings/uci-online-retail.csv"))
            .replace("encoding,windows-1252", "encoding,UTF-8");
    MappedFormat format =
        new MappedFormat(MappingLoader.load(FormatFixtures.write(dir, "uci-utf8.csv", utf8Mapping)));
    List<ValidatedLine> lines = read(format, UCI, FormatFixtures.validator("GBP", "Europe/London"));
    // The same 39,530 records; line 38250 moves from missing_required_field to malformed_row.
    assertEquals(
        Map.of("accepted", 25_763L, "malformed_row", 2L, "missing_required_field", 13_765L),
        byReason(lines));
    ValidatedLine pound = atLine(lines, UCI.getFileName().toString(), 38_250);
    assertEquals(RejectReason.MALFORMED_ROW, pound.rejectReason());
    assertTrue(pound.rawRecord().contains("Gift Voucher \uFFFD40.00"), pound.rawRecord());
  }

  @Test
  void northwindWithUnquotedCommasRejectsTheBrokenOrdersWithTheirLines() throws IOException {
    RealData.require("northwind");
    MappedFormat format = new MappedFormat(MappingLoader.load(Path.of("mappings/northwind.csv")));
    ExportLineValidator validator = FormatFixtures.validator("USD", "UTC");
    // As exported, every order is of 1996-1998: invalid_timestamp (a date before 2000).
    assertEquals(
        Map.of("invalid_timestamp", 1_716L, "malformed_row", 176L, "missing_required_field", 439L),
        byReason(readPair(format, "orders.csv", validator)));
    List<ValidatedLine> lines = readPairIn2020s(format, "orders.csv", validator);

    // orders.csv: 830 orders, 176 of 15 fields (malformed_row, first on lines 4, 5, 6, last on
    // 830). order-details.csv: 2,155 lines; 439 belong to those 176 orders and so lack customer
    // and date (missing_required_field); 1,716 are accepted. Read = 176 + 2,155 = 2,331.
    assertEquals(
        Map.of("accepted", 1_716L, "malformed_row", 176L, "missing_required_field", 439L),
        byReason(lines));
    for (long line : List.of(4L, 5L, 6L, 830L)) {
      assertEquals(RejectReason.MALFORMED_ROW, atLine(lines, "northwind/orders.csv", line).rejectReason());
    }
    // Lines 7-9 of order-details.csv are order 10250 (malformed on orders.csv line 4).
    assertEquals(
        RejectReason.MISSING_REQUIRED_FIELD,
        atLine(lines, "northwind/order-details.csv", 7).rejectReason());
    // Sum of round_half_up(q * p - q * p * discount, 2) over the 1,716 lines: 1,046,245.39.
    assertEquals(new BigDecimal("1046245.39"), totalAmount(lines));

    // Order 10248 (orders.csv line 2): VINET, employee 5, 1996-07-04 (moved to 2026); detail line 2 is
    // product 11: 12 x 14.00, no discount = 168.00.
    ValidatedLine first = atLine(lines, "northwind/order-details.csv", 2);
    assertEquals("10248", first.orderId());
    assertEquals(11L, first.lineNumber());
    assertEquals("VINET", first.customerId());
    assertEquals("5", first.salesRepId());
    assertEquals(Instant.parse("2026-07-04T00:00:00Z"), first.orderTimestamp());
    assertEquals(new BigDecimal("168.00"), first.amount());
  }

  @Test
  void bothNorthwindCopiesGiveTheSameOrders() throws IOException {
    RealData.require("northwind");
    MappedFormat format = new MappedFormat(MappingLoader.load(Path.of("mappings/northwind.csv")));
    ExportLineValidator validator = FormatFixtures.validator("USD", "UTC");
    List<ValidatedLine> unquoted = readPairIn2020s(format, "orders.csv", validator);
    List<ValidatedLine> quoted = readPairIn2020s(format, "orders.quoted-a4c5094.csv", validator);

    // The quoted copy (PascalCase headers, date-only values, empty nulls) has no broken row:
    // all 2,155 lines accepted, sum of amounts 1,265,793.29.
    assertEquals(Map.of("accepted", 2_155L), byReason(quoted));
    assertEquals(new BigDecimal("1265793.29"), totalAmount(quoted));
    // Every line accepted from the unquoted copy is the same line from the quoted one.
    Map<String, List<Object>> quotedByKey = new HashMap<>();
    for (ValidatedLine l : quoted) {
      quotedByKey.put(l.orderId() + "/" + l.lineNumber(), identity(l));
    }
    long compared = 0;
    for (ValidatedLine l : unquoted) {
      if (l.accepted()) {
        assertEquals(quotedByKey.get(l.orderId() + "/" + l.lineNumber()), identity(l), l.orderId());
        compared++;
      }
    }
    assertEquals(1_716, compared);
  }

  private static List<Object> identity(ValidatedLine l) {
    return List.of(
        l.orderId(), l.lineNumber(), l.orderTimestamp(), l.customerId(),
        Objects.toString(l.salesRepId()), l.sku(), l.quantity(), l.unitPrice(),
        l.discountAmount(), l.amount());
  }
}
