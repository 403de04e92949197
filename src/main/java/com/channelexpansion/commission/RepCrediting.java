package com.channelexpansion.commission;

import static com.channelexpansion.warehouse.OrderLineColumns.UNKNOWN_REP_ID;
import static com.channelexpansion.warehouse.OrderLineColumns.UNKNOWN_REP_ROLE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.channelexpansion.config.Account;
import com.channelexpansion.config.Rep;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * PRODUCT.md rule 10: credits each order line to a rep.
 *
 * <ul>
 *   <li>sales_rep_id present and a rep_id of reps.csv: that rep;
 *   <li>sales_rep_id present and an alias of a rep (reps.csv {@code aliases}, e.g. Shopify's
 *       Employee name): that rep. A rep_id wins over an alias (the loader also refuses an alias
 *       that is another rep's id). The warehouse keeps sales_rep_id as found, so an alias added
 *       later re-credits old lines the next time they are credited;
 *   <li>sales_rep_id present but neither: HOUSE, flagged {@code unknown_sales_rep} (no fall-back
 *       to the owner: the line names a rep, the data is wrong, so nobody else takes the credit);
 *   <li>no sales_rep_id: the customer's owner_rep_id from accounts.csv when present and known;
 *   <li>an owner_rep_id that reps.csv does not know: HOUSE, flagged {@code unknown_owner_rep}
 *       (rule 10 says any unknown rep id is a warning, so the owner's is one too);
 *   <li>otherwise (no owner, or the customer is missing from accounts.csv, normal for new online
 *       customers): HOUSE, no warning.
 * </ul>
 *
 * Rep ids and aliases compare case-sensitively; aliases apply to sales_rep_id only, an
 * owner_rep_id must be a rep_id. An empty or blank sales_rep_id or owner_rep_id counts as
 * absent. Works on lines with or without a {@code credited_rep_id} column (replaced when present)
 * and with or without {@code segment}. Adds {@code unknown_sales_rep}, {@code unknown_owner_rep}
 * (booleans, one warning per flagged line) and {@code unknown_rep_id} (the id behind the flag) so
 * the caller can count warnings and list the ids ({@link #totalWarnings}). Accounts must have
 * unique customer_id (the config loader checks it), otherwise lines would be repeated.
 */
public final class RepCrediting {
  private static final String ACCOUNT_CUSTOMER = "__account_customer_id";
  private static final String ACCOUNT_OWNER = "__account_owner_rep_id";

  /** Roles reported by {@link #totalWarnings}. */
  public static final String ROLE_SALES_REP = OrderLineColumns.ROLE_SALES_REP;

  public static final String ROLE_OWNER = OrderLineColumns.ROLE_OWNER;

  private RepCrediting() {}

  /**
   * Credits {@code lines} (customer_id, sales_rep_id) using the owners of {@code accounts} and
   * the rep ids and aliases of {@code reps}.
   */
  public static Dataset<Row> credit(Dataset<Row> lines, List<Account> accounts, List<Rep> reps) {
    Dataset<Row> owners =
        accountsFrame(lines.sparkSession(), accounts)
            .select(
                col(OrderLineColumns.CUSTOMER_ID).as(ACCOUNT_CUSTOMER),
                col("owner_rep_id").as(ACCOUNT_OWNER));
    // Accounts are reference data held on the driver: broadcast, so the lines keep their
    // partitioning (ingest writes them clustered by order_id) and are never shuffled here.
    Dataset<Row> joined =
        lines.join(
            org.apache.spark.sql.functions.broadcast(owners),
            lines.col(OrderLineColumns.CUSTOMER_ID).equalTo(owners.col(ACCOUNT_CUSTOMER)),
            "left");

    Column salesRep = blankToNull(col(OrderLineColumns.SALES_REP_ID));
    Column owner = blankToNull(col(ACCOUNT_OWNER));
    Column salesRepId = repIdOfSalesRep(salesRep, reps);
    Column ownerKnown = isRepId(owner, reps);
    Column unknownSales = salesRep.isNotNull().and(salesRepId.isNull());
    Column unknownOwner = salesRep.isNull().and(owner.isNotNull()).and(not(ownerKnown));

    Column credited =
        when(salesRep.isNotNull(), coalesce(salesRepId, lit(OrderLineColumns.HOUSE)))
            .when(owner.isNotNull().and(ownerKnown), owner)
            .otherwise(lit(OrderLineColumns.HOUSE));

    return joined
        .withColumn(OrderLineColumns.CREDITED_REP_ID, credited)
        .withColumn(
            UNKNOWN_REP_ID,
            when(unknownSales, salesRep).when(unknownOwner, owner).otherwise(lit(null).cast("string")))
        .withColumn(
            UNKNOWN_REP_ROLE,
            when(unknownSales, lit(ROLE_SALES_REP))
                .when(unknownOwner, lit(ROLE_OWNER))
                .otherwise(lit(null).cast("string")))
        .drop(ACCOUNT_CUSTOMER, ACCOUNT_OWNER);
  }

  /** The accounts as a DataFrame (customer_id, owner_rep_id), for {@link #credit}. */
  private static Dataset<Row> accountsFrame(SparkSession spark, List<Account> accounts) {
    StructType schema =
        new StructType()
            .add(OrderLineColumns.CUSTOMER_ID, DataTypes.StringType, false)
            .add("owner_rep_id", DataTypes.StringType, true);
    List<Row> rows = new ArrayList<>(accounts.size());
    for (Account account : accounts) {
      rows.add(RowFactory.create(account.customerId(), account.ownerRepId()));
    }
    return spark.createDataFrame(rows, schema);
  }

  /**
   * The warnings over all months of {@link #unknownRepWarningsByMonth}'s rows, one row per unknown
   * id and role: rep_id, role ({@link #ROLE_SALES_REP} or {@link #ROLE_OWNER}), lines (each line
   * is one warning), sorted by rep_id then role. Small: collect it for the manifest.
   */
  public static Dataset<Row> totalWarnings(Dataset<Row> warningsByMonth) {
    return warningsByMonth
        .groupBy("rep_id", "role")
        .agg(org.apache.spark.sql.functions.sum(col("lines")).as("lines"))
        .orderBy("rep_id", "role");
  }

  /**
   * The unknown-rep warnings per month of the lines: month, rep_id, role, lines. A month's rows
   * depend only on its lines, so a report may recompute the months a night touched.
   */
  public static Dataset<Row> unknownRepWarningsByMonth(Dataset<Row> creditedLines) {
    return creditedLines
        .filter(col(UNKNOWN_REP_ROLE).isNotNull())
        .select(
            col(OrderLineColumns.MONTH), col(UNKNOWN_REP_ID).as("rep_id"), col(UNKNOWN_REP_ROLE).as("role"))
        .groupBy(OrderLineColumns.MONTH, "rep_id", "role")
        .agg(count(lit(1)).as("lines"));
  }

  private static Column blankToNull(Column id) {
    return when(trim(id).equalTo(lit("")), lit(null).cast("string")).otherwise(id);
  }

  /** The rep_id a sales_rep_id names (itself when a rep_id, its rep's when an alias), else null. */
  private static Column repIdOfSalesRep(Column salesRep, List<Rep> reps) {
    Map<String, String> repIdByName = new LinkedHashMap<>();
    for (Rep rep : reps) {
      rep.aliases().forEach(alias -> repIdByName.put(alias, rep.repId()));
    }
    // Put last so that a rep_id wins over an alias.
    reps.forEach(rep -> repIdByName.put(rep.repId(), rep.repId()));
    if (repIdByName.isEmpty()) {
      return lit(null).cast("string");
    }
    List<Column> entries = new ArrayList<>();
    repIdByName.forEach(
        (name, repId) -> {
          entries.add(lit(name));
          entries.add(lit(repId));
        });
    return element_at(map(entries.toArray(Column[]::new)), salesRep);
  }

  private static Column isRepId(Column id, List<Rep> reps) {
    if (reps.isEmpty()) {
      return lit(false);
    }
    // Null ids give null here; callers test isNotNull first.
    return id.isin(reps.stream().map(Rep::repId).toArray());
  }
}
