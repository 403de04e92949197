package com.channelexpansion.commission;

import static com.channelexpansion.commission.CommissionColumns.ATTAINMENT;
import static com.channelexpansion.commission.CommissionColumns.COMMISSION;
import static com.channelexpansion.commission.CommissionColumns.COUNTS_TOWARD_QUOTA;
import static com.channelexpansion.commission.CommissionColumns.CREDITED_REVENUE;
import static com.channelexpansion.commission.CommissionColumns.MONTH;
import static com.channelexpansion.commission.CommissionColumns.MULTIPLIER;
import static com.channelexpansion.commission.CommissionColumns.ONLINE_CREDITED_REVENUE;
import static com.channelexpansion.commission.CommissionColumns.PLAN_ID;
import static com.channelexpansion.commission.CommissionColumns.QUOTA_AMOUNT;
import static com.channelexpansion.commission.CommissionColumns.RATE;
import static com.channelexpansion.commission.CommissionColumns.REP_ID;
import static com.channelexpansion.commission.CommissionColumns.SEGMENT;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Channel;
import com.channelexpansion.config.CommissionPlanRow;
import com.channelexpansion.config.CommissionTier;
import com.channelexpansion.config.Quota;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * PRODUCT.md rule 11: commission per plan, rep and month.
 *
 * <p>Per (month, credited rep, plan): base = sum(rate * amount), quota_credit = sum(amount) of
 * lines whose plan row counts toward quota, attainment = quota_credit / quota_amount, multiplier =
 * the plan's tier with the greatest min_attainment &lt;= attainment (none, or no quota: 1),
 * commission = round_half_up(base * multiplier, 2). HOUSE gets its rows (commission 0.00,
 * multiplier 1, no quota). Returns are negative amounts, so they lower the month they are booked
 * in; a month may be negative.
 *
 * <p>Exactness and range: rate * amount is DECIMAL(28,8), its sums (base, online_base) are
 * DECIMAL(38,8), and base * multiplier is computed in Java BigDecimal and rounded once HALF_UP
 * to a DECIMAL(38,2) commission (Spark would narrow a DECIMAL(38,8) * DECIMAL(9,4) product to 6
 * places first, and rounding twice can differ). Revenue sums are DECIMAL(38,2). With amounts
 * below 10^12 none of these can overflow, so no accepted line can make the report fail. Tiers compare quota_credit &gt;= min_attainment *
 * quota, an exact product, instead of a rounded quotient; the written attainment is the exact
 * quotient rounded HALF_UP to 6 places in Java (Spark's decimal division would round first to
 * about 10 places, and rounding twice can differ). Quotas are taken HALF_UP to cents (the
 * written quota_amount); a quota that is then &lt;= 0, or missing, means no quota.
 *
 * <p>Input: counted lines (not cancelled, through as-of) with month, order_date, channel, amount,
 * credited_rep_id and segment.
 */
public final class CommissionEngine {
  private static final DataType MONEY = OrderLineColumns.MONEY_TYPE;
  private static final DataType SUM = OrderLineColumns.SUM_TYPE;
  private static final DataType MULTIPLIER_TYPE = OrderLineColumns.MULTIPLIER_TYPE;
  /** Type of the per-month sums of rate * amount (DECIMAL(9,6) * DECIMAL(18,2) = (28,8)). */
  private static final DataType BASE_TYPE = DataTypes.createDecimalType(38, 8);
  /** Tier thresholds: fractions with up to 6 decimals. */
  private static final DataType MIN_ATTAINMENT_TYPE = DataTypes.createDecimalType(18, 6);

  static final String QUOTA_CREDIT = "quota_credit";
  static final String BASE = "base";
  static final String ONLINE_BASE = "online_base";

  private static final String Q_REP = "__q_rep_id";
  private static final String Q_MONTH = "__q_month";
  private static final String Q_AMOUNT = "__q_amount";

  private CommissionEngine() {}

  /** The commissions/ table's columns of {@link #terms}. */
  public static Dataset<Row> tableOf(Dataset<Row> terms) {
    return terms
        .select(
            col(MONTH),
            col(REP_ID),
            col(PLAN_ID),
            col(CREDITED_REVENUE),
            col(ONLINE_CREDITED_REVENUE),
            col(QUOTA_AMOUNT),
            col(ATTAINMENT),
            col(MULTIPLIER),
            col(COMMISSION));
  }

  /**
   * Per plan of {@code planIds}, in order: the commission attributable to ONLINE lines, from
   * monthly {@link #terms} already computed: the sum over the terms given (say, a window's months)
   * of online_base * multiplier, unrounded (12 decimals) since the executive summary's ratios are
   * computed from unrounded values and its figures are rounded once, where they are written.
   * HOUSE earns nothing, so its lines add nothing.
   */
  public static Map<String, BigDecimal> onlineCommissionOfTerms(
      Dataset<Row> terms, List<String> planIds) {
    Map<String, BigDecimal> result = new LinkedHashMap<>();
    for (String planId : planIds) {
      result.put(planId, BigDecimal.ZERO);
    }
    if (result.isEmpty()) {
      return result;
    }
    // One row per month, rep and plan: few enough to sum exactly in BigDecimal on the driver.
    List<Row> rows =
        terms
            .filter(col(REP_ID).notEqual(lit(OrderLineColumns.HOUSE)))
            .filter(col(ONLINE_BASE).notEqual(lit(BigDecimal.ZERO)))
            .select(col(PLAN_ID), col(ONLINE_BASE), col(MULTIPLIER))
            .collectAsList();
    for (Row row : rows) {
      result.computeIfPresent(
          row.getString(0), (plan, total) -> total.add(row.getDecimal(1).multiply(row.getDecimal(2))));
    }
    return result;
  }

  /**
   * {@link #onlineCommissionOfTerms} over the terms of months {@code from} through {@code to}
   * (a window's whole months).
   */
  public static Map<String, BigDecimal> onlineCommissionOfMonths(
      Dataset<Row> terms, YearMonth from, YearMonth to, List<String> planIds) {
    return onlineCommissionOfTerms(
        terms.where(col(MONTH).between(lit(from.toString()), lit(to.toString()))), planIds);
  }

  /**
   * Monthly terms with the unrounded intermediates: the contract columns plus quota_credit
   * (DECIMAL(28,2)), base and online_base (DECIMAL(38,8), exact). A month's terms depend only on
   * that month's lines (and their customers' segments).
   */
  public static Dataset<Row> terms(
      Dataset<Row> lines,
      List<CommissionPlanRow> plans,
      List<CommissionTier> tiers,
      List<Quota> quotas) {
    Dataset<Row> matched =
        PlanRowMatcher.match(
            lines.select(
                col(OrderLineColumns.MONTH),
                col(OrderLineColumns.ORDER_DATE),
                col(OrderLineColumns.CHANNEL),
                col(OrderLineColumns.AMOUNT),
                col(OrderLineColumns.CREDITED_REP_ID),
                col(SEGMENT)),
            plans);

    Column amount = col(OrderLineColumns.AMOUNT);
    Column online = col(OrderLineColumns.CHANNEL).equalTo(lit(Channel.ONLINE.name()));
    Column rateAmount = col(RATE).multiply(amount); // DECIMAL(28,8), exact
    Column zeroMoney = lit(BigDecimal.ZERO).cast(MONEY);
    Column zeroBase = lit(BigDecimal.ZERO).cast(BASE_TYPE);

    Dataset<Row> sums =
        matched
            .groupBy(
                col(OrderLineColumns.MONTH).as(MONTH),
                col(OrderLineColumns.CREDITED_REP_ID).as(REP_ID),
                col(PLAN_ID))
            .agg(
                sum(amount).cast(SUM).as(CREDITED_REVENUE),
                sum(when(online, amount).otherwise(zeroMoney)).cast(SUM).as(ONLINE_CREDITED_REVENUE),
                sum(when(col(COUNTS_TOWARD_QUOTA), amount).otherwise(zeroMoney)).as(QUOTA_CREDIT),
                sum(rateAmount).cast(BASE_TYPE).as(BASE),
                sum(when(online, rateAmount).otherwise(zeroBase)).cast(BASE_TYPE).as(ONLINE_BASE));

    Dataset<Row> quotaFrame = quotaFrame(lines.sparkSession(), quotas);
    Column isHouse = col(REP_ID).equalTo(lit(OrderLineColumns.HOUSE));
    Dataset<Row> withQuota =
        sums.join(
                broadcast(quotaFrame),
                col(REP_ID).equalTo(col(Q_REP)).and(col(MONTH).equalTo(col(Q_MONTH))),
                "left")
            .withColumn(
                QUOTA_AMOUNT, when(isHouse, lit(null).cast(MONEY)).otherwise(col(Q_AMOUNT)))
            .drop(Q_REP, Q_MONTH, Q_AMOUNT);

    Column multiplier = when(isHouse, lit(BigDecimal.ONE).cast(MULTIPLIER_TYPE))
        .otherwise(tierMultiplier(tiers, PlanRowMatcher.planIdsInOrder(plans)));
    Column commission =
        when(isHouse, lit(BigDecimal.ZERO).cast(SUM))
            .otherwise(commissionUdf().apply(col(BASE), col(MULTIPLIER)));

    return withQuota
        .withColumn(ATTAINMENT, attainmentUdf().apply(col(QUOTA_CREDIT), col(QUOTA_AMOUNT)))
        .withColumn(MULTIPLIER, multiplier)
        .withColumn(COMMISSION, commission);
  }

  /**
   * The multiplier as one CASE expression: per plan, its tiers from the highest min_attainment
   * down, each tested exactly as quota_credit &gt;= min_attainment * quota_amount (quota &gt; 0).
   */
  static Column tierMultiplier(List<CommissionTier> tiers, List<String> planIds) {
    Column quota = col(QUOTA_AMOUNT);
    Column credit = col(QUOTA_CREDIT);
    List<CommissionTier> sorted = new ArrayList<>(tiers);
    sorted.sort(
        Comparator.comparing(CommissionTier::planId)
            .thenComparing(CommissionTier::minAttainment, Comparator.reverseOrder()));
    Column result = null;
    for (CommissionTier tier : sorted) {
      if (!planIds.contains(tier.planId())) {
        continue;
      }
      Column reached =
          col(PLAN_ID).equalTo(lit(tier.planId()))
              .and(quota.isNotNull())
              .and(credit.geq(lit(tier.minAttainment()).cast(MIN_ATTAINMENT_TYPE).multiply(quota)));
      Column value = lit(tier.multiplier()).cast(MULTIPLIER_TYPE);
      result = result == null ? when(reached, value) : result.when(reached, value);
    }
    Column one = lit(BigDecimal.ONE).cast(MULTIPLIER_TYPE);
    return result == null ? one : result.otherwise(one);
  }

  /**
   * quota_credit / quota HALF_UP to 6 places, computed exactly; null without a quota, and null
   * when the quotient does not fit the written DECIMAL(18,6) (credit over 10^12 times the quota):
   * the multiplier never reads it (tiers compare the exact product), so a month that extreme
   * shows an empty attainment rather than failing the report.
   */
  static BigDecimal attainment(BigDecimal quotaCredit, BigDecimal quota) {
    if (quotaCredit == null || quota == null || quota.signum() <= 0) {
      return null;
    }
    BigDecimal value = quotaCredit.divide(quota, 6, RoundingMode.HALF_UP);
    return value.precision() - value.scale() > 12 ? null : value;
  }

  /** round_half_up(base * multiplier, 2), exact: one rounding, whatever the sizes. */
  static BigDecimal commission(BigDecimal base, BigDecimal multiplier) {
    return base.multiply(multiplier).setScale(2, RoundingMode.HALF_UP);
  }

  private static UserDefinedFunction commissionUdf() {
    UDF2<BigDecimal, BigDecimal, BigDecimal> f = CommissionEngine::commission;
    return udf(f, SUM);
  }

  private static UserDefinedFunction attainmentUdf() {
    UDF2<BigDecimal, BigDecimal, BigDecimal> f = CommissionEngine::attainment;
    return udf(f, OrderLineColumns.ATTAINMENT_TYPE);
  }

  /** quotas.csv as (rep, month, amount HALF_UP to cents), keeping only quotas that are &gt; 0. */
  private static Dataset<Row> quotaFrame(SparkSession spark, List<Quota> quotas) {
    List<Row> rows = new ArrayList<>();
    for (Quota quota : quotas) {
      if (quota.quotaAmount() == null) {
        continue;
      }
      BigDecimal cents = quota.quotaAmount().setScale(2, RoundingMode.HALF_UP);
      if (cents.signum() > 0) {
        rows.add(RowFactory.create(quota.repId(), quota.month(), cents));
      }
    }
    StructType schema =
        new StructType()
            .add(Q_REP, DataTypes.StringType, false)
            .add(Q_MONTH, DataTypes.StringType, false)
            .add(Q_AMOUNT, MONEY, false);
    return spark.createDataFrame(rows, schema);
  }
}
