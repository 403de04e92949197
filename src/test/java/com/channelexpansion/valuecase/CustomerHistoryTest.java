package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's history on hand-made lines: the acquisition rep by rule 7's full order (lines at
 * the same instant decided by order id, then line number), distinct positive orders per summary
 * window (an order with lines in both counts in both), and the month sums.
 *
 * <p>As of 2026-10-15: TTM 2025-11-01..2026-10-15, year earlier 2024-11-01..2025-10-15.
 */
class CustomerHistoryTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-10-15");
  private static Map<String, Row> history;

  @BeforeAll
  static void history() {
    Dataset<Row> lines =
        OrderLineFixtures.frame(
            SharedSpark.get(),
            // Earlier, but a return: never the acquisition line.
            line("C1", "O9", 1, "2025-09-01T09:00:00Z").quantity("-1").amount("-5.00").creditedTo("R0").build(),
            // Three positive lines at one instant: O1 before O2, line 1 before line 2.
            line("C1", "O2", 1, "2025-09-01T10:00:00Z").creditedTo("R2").build(),
            line("C1", "O1", 2, "2025-09-01T10:00:00Z").creditedTo("R1").build(),
            line("C1", "O1", 1, "2025-09-01T10:00:00Z").creditedTo("R3").build(),
            // O3 has a line in each window; O4 falls between them; O5 is a return in the TTM.
            line("C1", "O3", 1, "2025-10-14T12:00:00Z").amount("7.00").build(),
            line("C1", "O3", 2, "2025-11-02T12:00:00Z").amount("8.00").build(),
            line("C1", "O4", 1, "2025-10-20T12:00:00Z").build(),
            line("C1", "O5", 1, "2026-03-01T12:00:00Z").quantity("-1").amount("-3.00").build(),
            // C2 only returned goods: no acquisition line, no positive order.
            line("C2", "O6", 1, "2026-02-01T12:00:00Z").quantity("-1").amount("-4.00").build(),
            line("UNIDENTIFIED", "O7", 1, "2026-02-01T12:00:00Z").build());
    Dataset<Row> customers = ReportStages.classified(lines, LocalDate.parse("2025-01-01"));
    history =
        CustomerHistory.of(lines, customers, ReportWindows.of(AS_OF), YearMonth.parse("2025-10"))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(row -> row.getAs(CustomerHistory.CUSTOMER_ID), row -> row));
  }

  private static OrderLineFixtures.Builder line(String customer, String order, long number, String instant) {
    return OrderLineFixtures.line(customer, order, number).on(instant.substring(0, 10)).at(instant);
  }

  @Test
  void oneRowPerIdentifiedCustomer() {
    assertEquals(List.of("C1", "C2"), history.keySet().stream().sorted().toList());
  }

  @Test
  void theAcquisitionRepIsTheFirstPositiveLinesByInstantThenOrderThenLine() {
    assertEquals("R3", history.get("C1").getAs(CustomerHistory.ACQUISITION_REP_ID));
    assertNull(history.get("C2").getAs(CustomerHistory.ACQUISITION_REP_ID));
  }

  @Test
  void positiveOrdersAreCountedOncePerWindowTheyHaveAPositiveLineIn() {
    assertEquals(1L, (long) history.get("C1").getAs(CustomerHistory.POSITIVE_ORDERS_TTM), "O3");
    assertEquals(3L, (long) history.get("C1").getAs(CustomerHistory.POSITIVE_ORDERS_YEAR_EARLIER), "O1, O2, O3");
    assertEquals(0L, (long) history.get("C2").getAs(CustomerHistory.POSITIVE_ORDERS_TTM));
    assertEquals(0L, (long) history.get("C2").getAs(CustomerHistory.POSITIVE_ORDERS_YEAR_EARLIER));
  }

  @Test
  void monthSumsFromTheFirstKeptMonthOn() {
    Map<YearMonth, MonthSums> months = monthsOf(history.get("C1"));
    // September's lines decide the acquisition but are before the first kept month.
    assertEquals(List.of("2025-10", "2025-11", "2026-03"),
        months.keySet().stream().sorted().map(YearMonth::toString).toList());
    MonthSums october = months.get(YearMonth.parse("2025-10"));
    // O3's first line (Oct 14) is through the year-earlier end; O4's (Oct 20) is not.
    assertEquals(0, new BigDecimal("17.00").compareTo(october.positive().amount()), "7.00 + 10.00");
    assertEquals(0, new BigDecimal("7.00").compareTo(october.partPositive().amount()), "through Oct 15");
    assertEquals(2L, october.positive().lines());
    assertEquals(1L, october.partPositive().lines());
    MonthSums march = months.get(YearMonth.parse("2026-03"));
    assertEquals(0L, march.positive().lines(), "a return only");
    assertEquals(0, new BigDecimal("-3.00").compareTo(march.netAmount()));
  }

  private static Map<YearMonth, MonthSums> monthsOf(Row customer) {
    List<Row> structs = customer.getList(customer.fieldIndex(CustomerHistory.MONTHS));
    return structs.stream().map(MonthSums::of).collect(Collectors.toMap(MonthSums::month, sums -> sums));
  }
}
