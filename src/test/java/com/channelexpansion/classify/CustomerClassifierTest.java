package com.channelexpansion.classify;

import static com.channelexpansion.testing.OrderLineFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules 6-8 and "Time and windows": counted lines, first orders, acquisition and segments. */
class CustomerClassifierTest {
  private static final LocalDate PROGRAM_START = LocalDate.parse("2025-01-01");
  private static final LocalDate AS_OF = LocalDate.parse("2025-03-31");

  private static Dataset<Row> orderLines;
  private static Map<String, Row> byCustomer;
  private static long countedLines;

  @BeforeAll
  static void classifyOnce() {
    SparkSession spark = SharedSpark.get();
    orderLines =
        OrderLineFixtures.frame(
            spark,
            // TIE: three positive lines at the same instant. Order ids compare as text ("10" < "9"),
            // line numbers as numbers (2 < 10): the first line is order "10" line 2, ONLINE.
            // Numeric order ids would pick "9" (SALES_ASSISTED); text line numbers "10" < "2"
            // would pick line 10 (SALES_ASSISTED).
            line("TIE", "9", 1).on("2025-02-01").at("2025-02-01T10:00:00Z").salesAssisted().build(),
            line("TIE", "10", 10).on("2025-02-01").at("2025-02-01T10:00:00Z").salesAssisted().build(),
            line("TIE", "10", 2).on("2025-02-01").at("2025-02-01T10:00:00Z").online().build(),
            // ... and an earlier return, which is no first order.
            line("TIE", "8", 1).on("2025-01-20").quantity("-1").amount("-10.00").salesAssisted().build(),
            // RETURNS: only returns -> EXISTING, no acquisition channel, no first order date.
            line("RETURNS", "R1", 1).on("2025-02-02").quantity("-2").amount("-20.00").online().build(),
            line("RETURNS", "R2", 1).on("2025-02-03").quantity("-1").amount("-5.00").online().build(),
            // OLD: first order before program_start -> EXISTING although it was online.
            line("OLD", "O1", 1).on("2024-06-01").online().build(),
            line("OLD", "O2", 1).on("2025-03-01").online().build(),
            // QUOTE: a rep's quote closed on the web; ingest already made the line SALES_ASSISTED.
            line("QUOTE", "Q1", 1).on("2025-02-10").quoteClosedOnline("QT-7").build(),
            // EARLY: the earlier timestamp wins over a smaller order id on the same date.
            line("EARLY", "A", 1).on("2025-03-05").at("2025-03-05T23:30:00Z").salesAssisted().build(),
            line("EARLY", "Z", 1).on("2025-03-05").at("2025-03-05T08:00:00Z").online().build(),
            // ONSTART: a first order on program_start itself is new (EXISTING needs < start).
            line("ONSTART", "S1", 1).on("2025-01-01").salesAssisted().build(),
            // CANCELFIRST: the cancelled online line counts nowhere; the first order is the later one.
            line("CANCELFIRST", "C1", 1).on("2025-02-01").online().cancelled().build(),
            line("CANCELFIRST", "C2", 1).on("2025-02-10").salesAssisted().build(),
            // LATEFIRST: an online line the day after as-of is not counted; first order stays SA.
            line("LATEFIRST", "L1", 1).on("2025-04-01").at("2025-04-01T00:00:00Z").online().build(),
            line("LATEFIRST", "L2", 1).on("2025-03-31").at("2025-03-31T23:59:59Z").salesAssisted().build(),
            // AFTER: only a line after as-of -> not a customer yet.
            line("AFTER", "X1", 1).on("2025-04-01").online().build(),
            // No known customer: counted, but no customer, whatever its first line.
            line("UNIDENTIFIED", "U1", 1).on("2025-02-01").online().build());
    Dataset<Row> counted = CountedLines.asOf(orderLines, AS_OF);
    countedLines = counted.count();
    List<Row> rows = ReportStages.classified(counted, PROGRAM_START).collectAsList();
    byCustomer = new HashMap<>();
    for (Row row : rows) {
      byCustomer.put(row.getAs(CustomerClassifier.CUSTOMER_ID), row);
    }
  }

  @Test
  void countedLinesDropCancelledAndLinesAfterAsOf() {
    // 18 lines (TIE 4, RETURNS 2, OLD 2, QUOTE 1, EARLY 2, ONSTART 1, CANCELFIRST 2, LATEFIRST 2,
    // AFTER 1, UNIDENTIFIED 1) - 1 cancelled (C1) - 2 after as-of (L1, X1) = 15; L2 on the as-of
    // date counts.
    assertEquals(15, countedLines);
    assertFalse(byCustomer.containsKey("AFTER"), "a customer seen only after as-of is not listed");
    assertFalse(byCustomer.containsKey("UNIDENTIFIED"), "lines of no known customer make no customer");
    assertEquals(8, byCustomer.size(), "one row per customer with counted lines");
  }

  @Test
  void firstOrderTiesCompareOrderIdAsTextAndLineNumberAsNumber() {
    assertCustomer("TIE", "2025-02-01", "ONLINE", "NEW_ONLINE");
  }

  @Test
  void customerWithOnlyReturnsIsExistingWithoutAcquisition() {
    assertCustomer("RETURNS", null, null, "EXISTING");
  }

  @Test
  void firstOrderBeforeProgramStartIsExisting() {
    assertCustomer("OLD", "2024-06-01", "ONLINE", "EXISTING");
    assertCustomer("ONSTART", "2025-01-01", "SALES_ASSISTED", "NEW_SALES_ASSISTED");
  }

  @Test
  void acquisitionUsesTheLineChannelSoAQuoteClosedOnlineIsSalesAssisted() {
    assertCustomer("QUOTE", "2025-02-10", "SALES_ASSISTED", "NEW_SALES_ASSISTED");
  }

  @Test
  void earlierTimestampWinsBeforeOrderId() {
    assertCustomer("EARLY", "2025-03-05", "ONLINE", "NEW_ONLINE");
  }

  @Test
  void cancelledAndAfterAsOfLinesAreNoFirstOrder() {
    assertCustomer("CANCELFIRST", "2025-02-10", "SALES_ASSISTED", "NEW_SALES_ASSISTED");
    assertCustomer("LATEFIRST", "2025-03-31", "SALES_ASSISTED", "NEW_SALES_ASSISTED");
  }

  @Test
  void outputColumnsAndTypes() {
    Dataset<Row> classified =
        ReportStages.classified(CountedLines.asOf(orderLines, AS_OF), PROGRAM_START);
    assertEquals(
        "customer_id:string,first_order_date:date,acquisition_channel:string,segment:string",
        String.join(
            ",",
            java.util.Arrays.stream(classified.schema().fields())
                .map(f -> f.name() + ":" + f.dataType().simpleString())
                .toList()));
    assertEquals(OrderLineColumns.CUSTOMER_ID, classified.columns()[0]);
  }

  private static void assertCustomer(
      String customer, String firstOrderDate, String channel, String segment) {
    Row row = byCustomer.get(customer);
    if (firstOrderDate == null) {
      assertNull(row.getAs(CustomerClassifier.FIRST_ORDER_DATE), customer + " first_order_date");
    } else {
      assertEquals(
          LocalDate.parse(firstOrderDate),
          row.getAs(CustomerClassifier.FIRST_ORDER_DATE),
          customer + " first_order_date");
    }
    assertEquals(channel, row.getAs(CustomerClassifier.ACQUISITION_CHANNEL), customer + " channel");
    assertEquals(segment, row.getAs(CustomerClassifier.SEGMENT), customer + " segment");
  }
}
