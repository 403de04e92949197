package com.channelexpansion.report;

import static com.channelexpansion.testing.OrderLineFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.OrderLineFixtures;
import com.channelexpansion.testing.SharedSpark;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * PRODUCT.md "program_start sanity" with program_start 2025-01-01: history must start on or
 * before 2024-01-01 (12 months earlier) to give no warning.
 */
class ShortHistoryTest {
  private static final LocalDate PROGRAM_START = LocalDate.parse("2025-01-01");

  @Test
  void historyStartingTwelveMonthsBeforeProgramStartExactlyGivesNoWarning() {
    assertEquals(Optional.empty(), check(line("C1", "O1", 1).on("2024-01-01").build()));
  }

  @Test
  void historyStartingADayLaterIsWarnedWithItsFirstOrderDate() {
    // The return on 2024-01-02 and the UNIDENTIFIED line are history too; 2024-01-05 comes later.
    Optional<ShortHistory> warning =
        check(
            line("C1", "O1", 1).on("2024-01-05").build(),
            line("C1", "O2", 1).on("2024-01-02").quantity("-1").amount("-10.00").build(),
            line("UNIDENTIFIED", "O3", 1).on("2024-01-03").build(),
            line("C2", "O4", 1).on("2024-03-01").build());
    assertTrue(warning.isPresent());
    assertEquals(LocalDate.parse("2024-01-02"), warning.get().firstOrderDate());
    assertEquals(
        "The counted order history starts on 2024-01-02, less than 12 months before program_start"
            + " 2025-01-01: customers who bought before the data began may be taken for new ones"
            + " (load exports from 2024-01-01 or earlier)",
        warning.get().message());
    assertEquals(
        Map.of(
            "first_order_date", "2024-01-02",
            "program_start", "2025-01-01",
            "message", warning.get().message()),
        warning.get().toManifest());
  }

  @Test
  void historyStartingInAnEarlierMonthGivesNoWarning() {
    assertEquals(Optional.empty(), check(line("C1", "O1", 1).on("2023-12-31").build()));
  }

  @Test
  void theLimitFollowsJavaTimeMonthsAtMonthEnds() {
    // program_start 2025-02-28 minus 12 months = 2024-02-28 (not the leap day after it).
    Dataset<Row> counted =
        OrderLineFixtures.frame(SharedSpark.get(), line("C1", "O1", 1).on("2024-02-29").build());
    Optional<ShortHistory> warning =
        ShortHistory.warnIfAny(counted, new TreeSet<>(List.of("2024-02")), LocalDate.parse("2025-02-28"));
    assertEquals(LocalDate.parse("2024-02-29"), warning.orElseThrow().firstOrderDate());
  }

  @Test
  void noCountedLineGivesNoWarning() {
    assertEquals(Optional.empty(), check());
  }

  private static Optional<ShortHistory> check(Row... lines) {
    Dataset<Row> counted = OrderLineFixtures.frame(SharedSpark.get(), lines);
    SortedSet<String> months = new TreeSet<>();
    counted.select(ReportParts.MONTH).distinct().collectAsList().forEach(row -> months.add(row.getString(0)));
    return ShortHistory.warnIfAny(counted, months, PROGRAM_START);
  }
}
