package com.channelexpansion.valuecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.ReportStages;
import com.channelexpansion.testing.SharedSpark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * channel_states_monthly/ on 6 hand-made lines (PRODUCT.md, "Customer channel states"), every row
 * worked out below.
 *
 * <p>As of 2026-10-15 (a month counted through its 15th), the 24 months 2024-11..2026-10;
 * program_start 2025-01-01, digital_first_share 0.8. Lines (customer, date, channel, quantity,
 * amount):
 *
 * <pre>
 * M1 2026-08-10 SA  1  100.00  M1's first order: NEW_SALES_ASSISTED, enters from 2026-08
 * M1 2026-09-05 SA -1  -40.00  a return: September's net revenue, no state
 * M1 2026-10-15 ON  1  300.00  the as-of day
 * M2 2023-05-01 ON  1   50.00  M2's first order: EXISTING, in every month of the table
 * M2 2025-01-10 ON  1  200.00
 * M3 2026-03-01 SA -1  -20.00  M3's only line, a return: no positive line, never enters
 * </pre>
 */
class ChannelStatesMonthlyTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-10-15");
  private static Dataset<Row> history;

  @BeforeAll
  static void history() {
    Dataset<Row> lines =
        OrderLineFixtures.frame(
            SharedSpark.get(),
            OrderLineFixtures.line("M1", "O1", 1).on("2026-08-10").salesAssisted().amount("100.00").build(),
            OrderLineFixtures.line("M1", "O2", 1).on("2026-09-05").salesAssisted().quantity("-1").amount("-40.00").build(),
            OrderLineFixtures.line("M1", "O3", 1).on("2026-10-15").online().amount("300.00").build(),
            OrderLineFixtures.line("M2", "O4", 1).on("2023-05-01").online().amount("50.00").build(),
            OrderLineFixtures.line("M2", "O5", 1).on("2025-01-10").online().amount("200.00").build(),
            OrderLineFixtures.line("M3", "O6", 1).on("2026-03-01").salesAssisted().quantity("-1").amount("-20.00").build());
    Dataset<Row> customers = ReportStages.classified(lines, LocalDate.parse("2025-01-01"));
    history = CustomerHistory.of(lines, customers, ReportWindows.of(AS_OF), parameters(12).firstMonthRead());
  }

  @Test
  void aCustomerEntersFromItsFirstOrderMonthNetRevenueIncludesReturnsTheAsOfMonthCounts() {
    List<String> expected = new ArrayList<>();
    // M2 (EXISTING): the 12-month window ending 2024-11 or 2024-12 holds no line (May 2023 is
    // older): INACTIVE, but counted, being a customer since 2023.
    expected.add("2024-11 EXISTING INACTIVE 1 0.00");
    expected.add("2024-12 EXISTING INACTIVE 1 0.00");
    // January 2025's 200.00 online: DIGITAL_FIRST (share 1) in each window that holds it,
    // 2025-01..2025-12; revenue only in January.
    expected.add("2025-01 EXISTING DIGITAL_FIRST 1 200.00");
    for (YearMonth m = YearMonth.of(2025, 2); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      expected.add(m + " EXISTING DIGITAL_FIRST 1 0.00");
    }
    // From 2026-01 the window (2025-02 on) holds nothing. M3 would make 2026-03's row 2 customers
    // and -20.00 if a customer without a positive line entered.
    for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 10)); m = m.plusMonths(1)) {
      expected.add(m + " EXISTING INACTIVE 1 0.00");
    }
    // M1 (NEW_SALES_ASSISTED) from August 2026 only (before, it would be an INACTIVE row).
    expected.add("2026-08 NEW_SALES_ASSISTED SALES_ONLY 1 100.00");
    // The return is September's revenue; the state reads positive lines only (August's 100 SA).
    expected.add("2026-09 NEW_SALES_ASSISTED SALES_ONLY 1 -40.00");
    // October through the as-of day: 300 online of 100 + 300 positive = 0.75 < 0.8: HYBRID.
    expected.add("2026-10 NEW_SALES_ASSISTED HYBRID 1 300.00");
    expected.sort(null); // the table's key order: month, segment, state
    List<String> actual = monthly(12);
    assertEquals(expected, actual);
    assertEquals(24, actual.stream().map(r -> r.substring(0, 7)).distinct().count(), "24 months");
  }

  @Test
  void aCustomerThatHasEnteredStaysInTheTableWhenItsWindowEmpties() {
    // state_window_months 1: each month's state reads that month's positive lines only.
    List<String> rows = monthly(1);
    // M1's September holds only the return: INACTIVE, with its -40.00.
    assertEquals(List.of("2026-08 NEW_SALES_ASSISTED SALES_ONLY 1 100.00",
            "2026-09 NEW_SALES_ASSISTED INACTIVE 1 -40.00",
            "2026-10 NEW_SALES_ASSISTED DIGITAL_FIRST 1 300.00"), // 300 / 300 = 1
        rows.stream().filter(r -> r.contains("NEW_SALES_ASSISTED")).toList());
    // M2: DIGITAL_FIRST in January 2025 only, INACTIVE in the 23 other months.
    assertEquals(List.of("2025-01 EXISTING DIGITAL_FIRST 1 200.00"),
        rows.stream().filter(r -> r.contains("EXISTING DIGITAL_FIRST")).toList());
    assertEquals(23, rows.stream().filter(r -> r.contains("EXISTING INACTIVE 1 0.00")).count());
  }

  private static List<String> monthly(int windowMonths) {
    return ChannelStateTables.monthly(history, parameters(windowMonths))
        .orderBy("month", "segment", "channel_state")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getLong(3) + " "
            + r.getDecimal(4).toPlainString())
        .toList();
  }

  private static StateParameters parameters(int windowMonths) {
    ReportWindows w = ReportWindows.of(AS_OF);
    return new StateParameters(AS_OF, w.ttmStart(), w.yearEarlierStart(), w.yearEarlierEnd(), windowMonths,
        new BigDecimal("0.8"));
  }
}
