package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import com.channelexpansion.progress.StepLog;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PRODUCT.md "program_start sanity": a customer's first order in the data stands for its first
 * order ever (rule 8), so when the counted history starts less than {@value #MONTHS} months before
 * program_start, a customer that bought before the data began but not in its first months is
 * taken for a new one. The report then warns, on stderr and in manifest.json, naming the first
 * order date found.
 *
 * <p>Boundary: the warning is given when the first order date is after program_start minus
 * {@value #MONTHS} months (java.time's month arithmetic: 2025-03-31 gives 2024-03-31, 2024-02-29
 * gives 2023-02-28); history starting on that day exactly covers 12 months and gives none. The
 * first order date is the earliest order_date of any counted line through as-of, returns and
 * UNIDENTIFIED lines included: they are history too. No counted line: no warning.
 *
 * @param firstOrderDate the earliest order_date of the counted lines
 * @param programStart program_start of settings.csv
 */
public record ShortHistory(LocalDate firstOrderDate, LocalDate programStart) {
  /** The history program_start needs before it. */
  static final int MONTHS = 12;

  /**
   * The warning for these counted lines, also logged; empty when the history is long enough.
   *
   * @param counted counted lines through as-of (read only in the month of {@code monthsWithLines}'
   *     first, and only when that month may hold a date past the limit)
   * @param monthsWithLines the months (yyyy-MM) that hold counted lines: the report's line counts
   */
  public static Optional<ShortHistory> warnIfAny(
      Dataset<Row> counted, SortedSet<String> monthsWithLines, LocalDate programStart) {
    LocalDate limit = programStart.minusMonths(MONTHS);
    if (monthsWithLines.isEmpty() || monthsWithLines.first().compareTo(YearMonth.from(limit).toString()) < 0) {
      return Optional.empty();
    }
    LocalDate first =
        counted
            .where(col(OrderLineColumns.MONTH).equalTo(lit(monthsWithLines.first())))
            .agg(min(col(OrderLineColumns.ORDER_DATE)))
            .first()
            .getLocalDate(0);
    if (!first.isAfter(limit)) {
      return Optional.empty();
    }
    ShortHistory warning = new ShortHistory(first, programStart);
    StepLog.warn(warning.message());
    return Optional.of(warning);
  }

  String message() {
    return String.format(
        "The counted order history starts on %s, less than %d months before program_start %s:"
            + " customers who bought before the data began may be taken for new ones (load"
            + " exports from %s or earlier)",
        firstOrderDate, MONTHS, programStart, programStart.minusMonths(MONTHS));
  }

  /** Its entry in manifest.json's report warnings. */
  public Map<String, Object> toManifest() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("first_order_date", firstOrderDate.toString());
    entry.put("program_start", programStart.toString());
    entry.put("message", message());
    return entry;
  }
}
