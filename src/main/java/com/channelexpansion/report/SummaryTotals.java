package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.config.Segment;
import com.channelexpansion.report.ExecutiveSummary.WindowTotals;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The executive summary's sums ({@link WindowTotals}) from rows of customer facts: for the
 * company ({@link #byWindow}, the facts of {@link ExecutiveSummary#customerFacts}) or per group,
 * say per sales team ({@link #byWindowAndGroup}), from facts of the same columns.
 *
 * <p>Fact columns: {@link ExecutiveSummary#WINDOW}, segment (UNIDENTIFIED for lines of no known
 * customer), {@link #WON_IN_WINDOW} (count this row's customer as won in the window), {@link
 * #ONLINE_AMOUNT}, {@link #ASSISTED_AMOUNT}, {@link #ONLINE_ORDERS}, {@link #ASSISTED_ORDERS}
 * (distinct orders with a line of that channel) and {@link #POSITIVE_ORDERS} (distinct orders
 * with a positive line). One Spark action; one small row per (window, group) reaches the driver.
 */
public final class SummaryTotals {
  public static final String ONLINE_AMOUNT = "online_amount";
  public static final String ASSISTED_AMOUNT = "assisted_amount";
  public static final String ONLINE_ORDERS = CustomerMonths.ONLINE_ORDERS;
  public static final String ASSISTED_ORDERS = CustomerMonths.ASSISTED_ORDERS;
  public static final String POSITIVE_ORDERS = CustomerMonths.POSITIVE_ORDERS;
  public static final String WON_IN_WINDOW = "won_in_window";

  private static final String EXISTING_ONLINE = "existing_online";
  private static final String EXISTING_ASSISTED = "existing_assisted";
  private static final String NEW_ONLINE_AMOUNT = "new_online_amount";
  private static final String NEW_ONLINE_COUNT = "new_online_count";
  private static final String NEW_ONLINE_REPEATERS = "new_online_repeaters";
  private static final String NEW_ASSISTED_COUNT = "new_assisted_count";
  private static final String UNIDENTIFIED_AMOUNT = "unidentified_amount";
  private static final String GROUP = "__group";

  private SummaryTotals() {}

  /** Sums per window, keyed TTM / YEAR_EARLIER; a window without lines is absent. */
  public static Map<String, WindowTotals> byWindow(Dataset<Row> customerFacts) {
    return byWindowAndGroup(customerFacts.withColumn(GROUP, lit("")), GROUP)
        .getOrDefault("", Map.of());
  }

  /**
   * Sums per value of {@code groupColumn}, then per window (TTM / YEAR_EARLIER); a group or window
   * without rows is absent.
   */
  public static Map<String, Map<String, WindowTotals>> byWindowAndGroup(
      Dataset<Row> facts, String groupColumn) {
    Column segment = col(CustomerClassifier.SEGMENT);
    Column existing = segment.equalTo(lit(Segment.EXISTING.name()));
    Column newOnline = segment.equalTo(lit(Segment.NEW_ONLINE.name()));
    Column newAssisted = segment.equalTo(lit(Segment.NEW_SALES_ASSISTED.name()));
    Column unidentified = segment.equalTo(lit(Segment.UNIDENTIFIED.name()));
    Column wonInWindow = col(WON_IN_WINDOW);
    Column zero = lit(BigDecimal.ZERO);
    Column one = lit(1L);
    Column none = lit(0L);
    List<Row> rows =
        facts
            .groupBy(col(groupColumn), col(ExecutiveSummary.WINDOW))
            .agg(
                sum(col(ONLINE_AMOUNT)).as(ONLINE_AMOUNT),
                sum(col(ASSISTED_AMOUNT)).as(ASSISTED_AMOUNT),
                sum(when(existing, col(ONLINE_AMOUNT)).otherwise(zero)).as(EXISTING_ONLINE),
                sum(when(existing, col(ASSISTED_AMOUNT)).otherwise(zero)).as(EXISTING_ASSISTED),
                sum(when(newOnline, col(ONLINE_AMOUNT).plus(col(ASSISTED_AMOUNT))).otherwise(zero))
                    .as(NEW_ONLINE_AMOUNT),
                sum(col(ONLINE_ORDERS)).as(ONLINE_ORDERS),
                sum(col(ASSISTED_ORDERS)).as(ASSISTED_ORDERS),
                sum(when(newOnline.and(wonInWindow), one).otherwise(none)).as(NEW_ONLINE_COUNT),
                sum(when(newOnline.and(wonInWindow).and(col(POSITIVE_ORDERS).geq(lit(2))), one)
                        .otherwise(none))
                    .as(NEW_ONLINE_REPEATERS),
                sum(when(newAssisted.and(wonInWindow), one).otherwise(none)).as(NEW_ASSISTED_COUNT),
                sum(when(unidentified, col(ONLINE_AMOUNT).plus(col(ASSISTED_AMOUNT))).otherwise(zero))
                    .as(UNIDENTIFIED_AMOUNT))
            .collectAsList();
    Map<String, Map<String, WindowTotals>> byGroup = new HashMap<>();
    for (Row row : rows) {
      byGroup
          .computeIfAbsent(row.getString(0), group -> new HashMap<>())
          .put(row.getAs(ExecutiveSummary.WINDOW), totals(row));
    }
    return byGroup;
  }

  private static WindowTotals totals(Row row) {
    return new WindowTotals(
        decimal(row, ONLINE_AMOUNT),
        decimal(row, ASSISTED_AMOUNT),
        decimal(row, EXISTING_ONLINE),
        decimal(row, EXISTING_ASSISTED),
        decimal(row, NEW_ONLINE_AMOUNT),
        decimal(row, ONLINE_ORDERS),
        decimal(row, ASSISTED_ORDERS),
        decimal(row, NEW_ONLINE_COUNT),
        decimal(row, NEW_ONLINE_REPEATERS),
        decimal(row, NEW_ASSISTED_COUNT),
        decimal(row, UNIDENTIFIED_AMOUNT));
  }

  private static BigDecimal decimal(Row row, String column) {
    Object value = row.getAs(column);
    if (value == null) {
      return BigDecimal.ZERO;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    return BigDecimal.valueOf(((Number) value).longValue());
  }
}
