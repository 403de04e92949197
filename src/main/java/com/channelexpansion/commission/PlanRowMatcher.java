package com.channelexpansion.commission;

import static com.channelexpansion.commission.CommissionColumns.COUNTS_TOWARD_QUOTA;
import static com.channelexpansion.commission.CommissionColumns.PLAN_ID;
import static com.channelexpansion.commission.CommissionColumns.PLAN_ROW_LINE;
import static com.channelexpansion.commission.CommissionColumns.RATE;
import static com.channelexpansion.commission.CommissionColumns.SEGMENT;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.Segment;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * PRODUCT.md rule 11, first sentence: gives each line, for every plan, the plan row in force on
 * its order_date (effective_from &lt;= date &lt;= effective_to, open ends) that matches its channel
 * and its customer's segment, the most specific one winning: exact channel and segment, then
 * exact channel (segment *), then exact segment (channel *), then * and *. No row: rate 0 and no
 * quota credit.
 *
 * <p>How: the plans are tiny, so {@link #resolve} settles specificity in Java first, cutting each
 * plan's timeline at every effective date into intervals and writing, for every (plan, channel,
 * segment, interval), the winning row or "none". The intervals of one (plan, channel, segment)
 * cover all time without overlap, so each line meets exactly one of them per plan: one pass over
 * the lines with two broadcast joins, whatever the number of plans.
 */
public final class PlanRowMatcher {
  private static final String R_PLAN = "__r_plan_id";
  private static final String R_CHANNEL = "__r_channel";
  private static final String R_SEGMENT = "__r_segment";
  private static final String R_FROM = "__r_from";
  private static final String R_TO = "__r_to";
  private static final String R_RATE = "__r_rate";
  private static final String R_COUNTS = "__r_counts";
  private static final String R_LINE = "__r_line";

  private PlanRowMatcher() {}

  /**
   * The outcome for one plan, channel and segment over [from, to] (inclusive, null = open).
   *
   * @param row the winning plan row, or null when none matches (rate 0, no quota credit)
   */
  record ResolvedRow(
      String planId, Channel channel, Segment segment, LocalDate from, LocalDate to,
      CommissionPlanRow row) {
    BigDecimal rate() {
      return row == null ? BigDecimal.ZERO : row.rate();
    }

    boolean countsTowardQuota() {
      return row != null && row.countsTowardQuota();
    }
  }

  /**
   * Each line once per plan (plans in order of first appearance), with {@code plan_id}, {@code
   * rate} DECIMAL(9,6), {@code counts_toward_quota} and {@code plan_row_line} (null when no row
   * matched). Needs order_date, channel and segment on the lines; a line whose channel or
   * segment is not a known code matches no row (kept, rate 0).
   */
  public static Dataset<Row> match(Dataset<Row> lines, List<CommissionPlanRow> plans) {
    SparkSession spark = lines.sparkSession();
    Dataset<Row> planIds = planIdsFrame(spark, planIdsInOrder(plans));
    Dataset<Row> resolved = resolvedFrame(spark, resolve(plans));

    Column date = col(OrderLineColumns.ORDER_DATE);
    Column condition =
        col(PLAN_ID).equalTo(col(R_PLAN))
            .and(col(OrderLineColumns.CHANNEL).equalTo(col(R_CHANNEL)))
            .and(col(SEGMENT).equalTo(col(R_SEGMENT)))
            .and(col(R_FROM).isNull().or(date.geq(col(R_FROM))))
            .and(col(R_TO).isNull().or(date.leq(col(R_TO))));

    return lines
        .crossJoin(broadcast(planIds))
        .join(broadcast(resolved), condition, "left")
        .withColumn(RATE, coalesce(col(R_RATE), lit(BigDecimal.ZERO).cast(OrderLineColumns.RATE_TYPE)))
        .withColumn(COUNTS_TOWARD_QUOTA, coalesce(col(R_COUNTS), lit(false)))
        .withColumn(PLAN_ROW_LINE, col(R_LINE))
        .drop(R_PLAN, R_CHANNEL, R_SEGMENT, R_FROM, R_TO, R_RATE, R_COUNTS, R_LINE);
  }

  /** Distinct plan ids in order of first appearance in commission-plans.csv. */
  public static List<String> planIdsInOrder(List<CommissionPlanRow> plans) {
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (CommissionPlanRow row : plans) {
      ids.add(row.planId());
    }
    return new ArrayList<>(ids);
  }

  /**
   * For every plan, channel and segment, the winning row on each stretch of dates; adjacent
   * stretches with the same winner are merged. Fails when two rows of one plan are equally
   * specific and in force on the same day (the config loader rejects such overlaps first).
   */
  static List<ResolvedRow> resolve(List<CommissionPlanRow> plans) {
    List<ResolvedRow> out = new ArrayList<>();
    for (String planId : planIdsInOrder(plans)) {
      List<CommissionPlanRow> rows =
          plans.stream().filter(r -> r.planId().equals(planId)).toList();
      List<LocalDate[]> intervals = elementaryIntervals(rows);
      for (Channel channel : Channel.values()) {
        for (Segment segment : Segment.values()) {
          ResolvedRow open = null;
          for (LocalDate[] interval : intervals) {
            LocalDate probe = interval[0] != null ? interval[0] : interval[1];
            CommissionPlanRow winner = winner(planId, rows, channel, segment, probe);
            if (open != null && open.row() == winner) {
              open = new ResolvedRow(planId, channel, segment, open.from(), interval[1], winner);
            } else {
              if (open != null) {
                out.add(open);
              }
              open = new ResolvedRow(planId, channel, segment, interval[0], interval[1], winner);
            }
          }
          out.add(open);
        }
      }
    }
    return out;
  }

  /** Cuts the timeline at every effective_from and every effective_to + 1 day. */
  private static List<LocalDate[]> elementaryIntervals(List<CommissionPlanRow> rows) {
    TreeSet<LocalDate> starts = new TreeSet<>();
    for (CommissionPlanRow row : rows) {
      if (row.effectiveFrom() != null) {
        starts.add(row.effectiveFrom());
      }
      if (row.effectiveTo() != null) {
        starts.add(row.effectiveTo().plusDays(1));
      }
    }
    List<LocalDate[]> intervals = new ArrayList<>();
    if (starts.isEmpty()) {
      // Every row is open at both ends: any probe date sees them all in force.
      intervals.add(new LocalDate[] {null, null});
      return intervals;
    }
    intervals.add(new LocalDate[] {null, starts.first().minusDays(1)});
    LocalDate previous = null;
    for (LocalDate start : starts) {
      if (previous != null) {
        intervals.add(new LocalDate[] {previous, start.minusDays(1)});
      }
      previous = start;
    }
    intervals.add(new LocalDate[] {previous, null});
    return intervals;
  }

  private static CommissionPlanRow winner(
      String planId, List<CommissionPlanRow> rows, Channel channel, Segment segment,
      LocalDate date) {
    CommissionPlanRow best = null;
    int bestRank = Integer.MAX_VALUE;
    for (CommissionPlanRow row : rows) {
      if (!inForce(row, date)
          || (row.orderChannel() != null && row.orderChannel() != channel)
          || (row.segment() != null && row.segment() != segment)) {
        continue;
      }
      int rank = specificity(row);
      if (rank < bestRank) {
        best = row;
        bestRank = rank;
      } else if (rank == bestRank) {
        throw new IllegalArgumentException(
            String.format(
                "Cannot match commission plan rows: plan %s has two rows for %s/%s in force on %s"
                    + " (lines %d and %d)",
                planId, channel, segment, date, best.sourceLine(), row.sourceLine()));
      }
    }
    return best;
  }

  /** 0 = exact channel and segment, 1 = exact channel, 2 = exact segment, 3 = * and *. */
  static int specificity(CommissionPlanRow row) {
    if (row.orderChannel() != null) {
      return row.segment() != null ? 0 : 1;
    }
    return row.segment() != null ? 2 : 3;
  }

  private static boolean inForce(CommissionPlanRow row, LocalDate date) {
    if (date == null) {
      return row.effectiveFrom() == null && row.effectiveTo() == null;
    }
    return (row.effectiveFrom() == null || !date.isBefore(row.effectiveFrom()))
        && (row.effectiveTo() == null || !date.isAfter(row.effectiveTo()));
  }

  /** Spark would round a rate that does not fit DECIMAL(9,6): refuse instead. */
  private static void checkRate(ResolvedRow r) {
    BigDecimal rate = r.rate().stripTrailingZeros();
    if (rate.scale() > 6 || rate.precision() - rate.scale() > 3) {
      throw new IllegalArgumentException(
          String.format(
              "Cannot match commission plan rows: rate %s of plan %s (line %d) does not fit"
                  + " DECIMAL(9,6)",
              r.rate().toPlainString(), r.planId(), r.row().sourceLine()));
    }
  }

  private static Dataset<Row> planIdsFrame(SparkSession spark, List<String> planIds) {
    List<Row> rows = new ArrayList<>();
    for (String id : planIds) {
      rows.add(RowFactory.create(id));
    }
    return spark.createDataFrame(rows, new StructType().add(PLAN_ID, DataTypes.StringType, false));
  }

  private static Dataset<Row> resolvedFrame(SparkSession spark, List<ResolvedRow> resolved) {
    StructType schema =
        new StructType()
            .add(R_PLAN, DataTypes.StringType, false)
            .add(R_CHANNEL, DataTypes.StringType, false)
            .add(R_SEGMENT, DataTypes.StringType, false)
            .add(R_FROM, DataTypes.DateType, true)
            .add(R_TO, DataTypes.DateType, true)
            .add(R_RATE, OrderLineColumns.RATE_TYPE, false)
            .add(R_COUNTS, DataTypes.BooleanType, false)
            .add(R_LINE, DataTypes.LongType, true);
    List<Row> rows = new ArrayList<>();
    for (ResolvedRow r : resolved) {
      checkRate(r);
      rows.add(
          RowFactory.create(
              r.planId(), r.channel().name(), r.segment().name(), r.from(), r.to(),
              r.rate(), r.countsTowardQuota(),
              r.row() == null ? null : Long.valueOf(r.row().sourceLine())));
    }
    return spark.createDataFrame(rows, schema);
  }
}
