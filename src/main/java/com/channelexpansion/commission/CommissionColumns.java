package com.channelexpansion.commission;

import com.channelexpansion.warehouse.OrderLineColumns;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Column names of the commission step: the {@code segment} column it expects on its input lines,
 * the columns {@link PlanRowMatcher} adds, and the reports' {@code commissions/} table (PRODUCT.md
 * outputs), whose written schema is {@link #SCHEMA}.
 */
public final class CommissionColumns {
  /** Input: the customer's segment (EXISTING, NEW_ONLINE or NEW_SALES_ASSISTED), joined in upstream. */
  public static final String SEGMENT = "segment";

  /** Added by {@link PlanRowMatcher}: one line per plan. */
  public static final String PLAN_ID = "plan_id";
  /** Added by {@link PlanRowMatcher}: the matched row's rate, DECIMAL(9,6); 0 when no row matches. */
  public static final String RATE = "rate";
  /** Added by {@link PlanRowMatcher}: whether the matched row counts toward quota; false when none. */
  public static final String COUNTS_TOWARD_QUOTA = "counts_toward_quota";
  /** Added by {@link PlanRowMatcher}: source line of the matched plan row; null when none matches. */
  public static final String PLAN_ROW_LINE = "plan_row_line";


  public static final String MONTH = "month";
  public static final String REP_ID = "rep_id";
  public static final String CREDITED_REVENUE = "credited_revenue";
  public static final String ONLINE_CREDITED_REVENUE = "online_credited_revenue";
  public static final String QUOTA_AMOUNT = "quota_amount";
  public static final String ATTAINMENT = "attainment";
  public static final String MULTIPLIER = "multiplier";
  public static final String COMMISSION = "commission";

  /** The written schema of commissions/, in column order. */
  public static final StructType SCHEMA =
      new StructType()
          .add(MONTH, DataTypes.StringType, false)
          .add(REP_ID, DataTypes.StringType, false)
          .add(PLAN_ID, DataTypes.StringType, false)
          .add(CREDITED_REVENUE, OrderLineColumns.SUM_TYPE, false)
          .add(ONLINE_CREDITED_REVENUE, OrderLineColumns.SUM_TYPE, false)
          .add(QUOTA_AMOUNT, OrderLineColumns.MONEY_TYPE, true)
          .add(ATTAINMENT, OrderLineColumns.ATTAINMENT_TYPE, true)
          .add(MULTIPLIER, OrderLineColumns.MULTIPLIER_TYPE, false)
          .add(COMMISSION, OrderLineColumns.SUM_TYPE, false);

  private CommissionColumns() {}
}
