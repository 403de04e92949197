package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Account;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reference data as Spark frames for the reports, and the region rule they share: a customer
 * missing from accounts.csv, or with an empty region, is in region {@value #UNKNOWN_REGION}.
 */
public final class ReferenceFrames {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String CUSTOMER_NAME = "customer_name";
  public static final String OWNER_REP_ID = "owner_rep_id";
  public static final String REGION = "region";
  public static final String UNKNOWN_REGION = "UNKNOWN";

  /** Schema of {@link #accounts}: one row per account of accounts.csv. */
  public static final StructType ACCOUNTS_SCHEMA =
      new StructType()
          .add(CUSTOMER_ID, DataTypes.StringType, false)
          .add(CUSTOMER_NAME, DataTypes.StringType, true)
          .add(OWNER_REP_ID, DataTypes.StringType, true)
          .add(REGION, DataTypes.StringType, true);

  private ReferenceFrames() {}

  /** The accounts of accounts.csv as a frame with {@link #ACCOUNTS_SCHEMA}. */
  public static Dataset<Row> accounts(SparkSession spark, List<Account> accounts) {
    List<Row> rows = new ArrayList<>(accounts.size());
    for (Account account : accounts) {
      rows.add(
          RowFactory.create(
              account.customerId(), account.customerName(), account.ownerRepId(), account.region()));
    }
    return spark.createDataFrame(rows, ACCOUNTS_SCHEMA);
  }

  /** {@code region}, or UNKNOWN when it is null or blank (including no matching account). */
  static Column regionOrUnknown(Column region) {
    return when(region.isNull().or(trim(region).equalTo(lit(""))), lit(UNKNOWN_REGION))
        .otherwise(region);
  }

  /** {@code owner}, or null when blank. */
  static Column blankToNull(Column value) {
    return when(trim(value).equalTo(lit("")), lit(null).cast(DataTypes.StringType)).otherwise(value);
  }

  /**
   * customer_id, owner_rep_id and region (UNKNOWN filled in) of every customer of
   * {@code customers}, whether or not accounts.csv knows it.
   */
  static Dataset<Row> customerAccounts(Dataset<Row> customerIds, Dataset<Row> accounts) {
    Dataset<Row> known = accounts.select(col(CUSTOMER_ID), col(OWNER_REP_ID), col(REGION));
    return customerIds
        .select(col(CUSTOMER_ID))
        .join(known, CUSTOMER_ID, "left")
        .select(
            col(CUSTOMER_ID),
            blankToNull(col(OWNER_REP_ID)).as(OWNER_REP_ID),
            regionOrUnknown(col(REGION)).as(REGION));
  }
}
