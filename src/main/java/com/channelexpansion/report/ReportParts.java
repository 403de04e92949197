package com.channelexpansion.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.cli.StepLog;
import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * What every report output is derived from, in two kinds of parts:
 *
 * <ul>
 *   <li>per customer, depending only on that customer's lines: the customers/ rows and the
 *       executive summary's facts ({@link ExecutiveSummary#customerFacts});
 *   <li>per month, depending only on that month's lines and their customers' segments: the
 *       revenue_monthly/ rows, the commission terms ({@link CommissionEngine#terms}), the counted
 *       lines and the unknown-rep warnings.
 * </ul>
 *
 * <p>{@link #full} computes them from every counted line. {@link #update} starts from an earlier
 * report's parts and recomputes only the customers and months that changed since: the rows of a
 * customer or month it recomputes are exactly those {@link #full} would compute, and the others
 * are unchanged, so both give the same parts.
 */
public record ReportParts(
    Dataset<Row> customers,
    Dataset<Row> revenueMonthly,
    Dataset<Row> commissionTerms,
    Dataset<Row> summaryFacts,
    Dataset<Row> monthLines,
    Dataset<Row> unknownReps) {

  /** Columns of {@link #monthLines}. */
  public static final String MONTH = OrderLineColumns.MONTH;

  public static final String LINES = "lines";

  /** The inputs every part needs besides the lines. */
  public record Context(
      Definitions definitions, ReferenceData reference, Dataset<Row> accounts, LocalDate asOf) {
    ReportWindows windows() {
      return ReportWindows.of(asOf);
    }
  }

  /** The parts from {@code counted}: every counted line through as-of. */
  public static ReportParts full(Dataset<Row> counted, Context context) {
    Dataset<Row> classified =
        CustomerClassifier.classify(counted, context.definitions().settings().programStart())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> lines = credit(counted, context).persist(StorageLevel.MEMORY_AND_DISK());
    return new ReportParts(
        CustomersReport.build(lines, classified, context.accounts()),
        RevenueMonthlyReport.build(lines, classified, context.accounts()),
        terms(lines, classified, context),
        ExecutiveSummary.customerFacts(lines, classified, context.windows()),
        monthLines(lines),
        unknownReps(lines));
  }

  /**
   * The parts on as-of from {@code base}, the parts of an earlier report in the same month.
   *
   * @param counted every counted line through as-of (read lazily: only what is needed is read)
   * @param baseAsOf the earlier report's as-of date (not after as-of, same month)
   * @param changed (customer_id, month) of every line ingest added or replaced since that report
   */
  public static ReportParts update(
      ReportParts base, LocalDate baseAsOf, Dataset<Row> counted, Dataset<Row> changed, Context context) {
    LocalDate asOf = context.asOf();
    ReportWindows windows = context.windows();
    Dataset<Row> recomputed =
        customersToRecompute(counted, changed, baseAsOf, context).persist(StorageLevel.MEMORY_AND_DISK());
    String id = OrderLineColumns.CUSTOMER_ID;
    // The one pass over the history: every line of those customers, read once and kept (none
    // to read when no customer changed: an always-false filter reads nothing).
    Dataset<Row> theirCounted =
        recomputed.isEmpty()
            ? counted.where(lit(false))
            : counted.join(broadcast(recomputed), new String[] {id}, "left_semi");
    Dataset<Row> theirLines = credit(theirCounted, context).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> theirClassified =
        CustomerClassifier.classify(theirLines, context.definitions().settings().programStart())
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> customers =
        base.customers()
            .join(broadcast(recomputed), new String[] {id}, "left_anti")
            .unionByName(CustomersReport.build(theirLines, theirClassified, context.accounts()))
            .select(Columns.named(base.customers().columns()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> summaryFacts =
        base.summaryFacts()
            .join(broadcast(recomputed), new String[] {id}, "left_anti")
            .unionByName(ExecutiveSummary.customerFacts(theirLines, theirClassified, windows))
            // A join on a column name puts it first: the facts keep their own column order.
            .select(Columns.named(base.summaryFacts().columns()));

    SortedSet<String> months = monthsToRecompute(changed, theirLines, theirClassified, base, asOf);
    StepLog.info("Report: recomputing the customers of changed lines and months " + months);
    Object[] monthList = months.toArray();

    Dataset<Row> classified = classifiedOf(customers);
    Dataset<Row> monthsLines =
        credit(counted.where(col(MONTH).isin(monthList)), context)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Column keptMonth = not(col(MONTH).isin(monthList));
    return new ReportParts(
        customers,
        base.revenueMonthly()
            .where(keptMonth)
            .unionByName(RevenueMonthlyReport.build(monthsLines, classified, context.accounts())),
        base.commissionTerms()
            .where(keptMonth)
            .unionByName(terms(monthsLines, classified, context)),
        summaryFacts,
        base.monthLines().where(keptMonth).unionByName(monthLines(monthsLines)),
        base.unknownReps().where(keptMonth).unionByName(unknownReps(monthsLines)));
  }

  /**
   * Customers whose parts change: those whose lines changed, those with lines that entered TTM
   * since the base (dated after its as-of) and those with lines that entered the year-earlier
   * window (its end moved from the base's year-earlier end to this one's).
   */
  private static Dataset<Row> customersToRecompute(
      Dataset<Row> counted, Dataset<Row> changed, LocalDate baseAsOf, Context context) {
    LocalDate asOf = context.asOf();
    LocalDate yearEarlierEnd = context.windows().yearEarlierEnd();
    LocalDate baseYearEarlierEnd = ReportWindows.of(baseAsOf).yearEarlierEnd();
    Column orderDate = col(OrderLineColumns.ORDER_DATE);
    Column customer = col(OrderLineColumns.CUSTOMER_ID);
    return changed
        .select(customer)
        .union(inMonth(counted, YearMonth.from(asOf)).where(orderDate.gt(lit(baseAsOf))).select(customer))
        .union(
            inMonth(counted, YearMonth.from(yearEarlierEnd))
                .where(orderDate.gt(lit(baseYearEarlierEnd)).and(orderDate.leq(lit(yearEarlierEnd))))
                .select(customer))
        .distinct();
  }

  /**
   * Months whose parts change: those of changed lines, as-of's month (it grows each day), and
   * every month with lines of a customer whose segment is not what the base had. Never after
   * as-of's month.
   */
  private static SortedSet<String> monthsToRecompute(
      Dataset<Row> changed,
      Dataset<Row> theirLines,
      Dataset<Row> theirClassified,
      ReportParts base,
      LocalDate asOf) {
    String id = OrderLineColumns.CUSTOMER_ID;
    Dataset<Row> segmentChanged =
        theirClassified
            .select(col(id), col(CustomerClassifier.SEGMENT))
            .except(base.customers().select(col(id), col(CustomerClassifier.SEGMENT)));
    SortedSet<String> months = new TreeSet<>();
    changed.select(col(MONTH))
        .union(theirLines.join(segmentChanged.select(col(id)), id).select(col(MONTH)))
        .distinct()
        .collectAsList()
        .forEach(row -> months.add(row.getString(0)));
    String asOfMonth = YearMonth.from(asOf).toString();
    months.add(asOfMonth);
    months.removeIf(month -> month.compareTo(asOfMonth) > 0);
    return months;
  }

  /** The commission terms of the counted lines of one window's last month through its end. */
  static Dataset<Row> partialMonthTerms(
      Dataset<Row> counted, Dataset<Row> classified, LocalDate through, Context context) {
    Dataset<Row> lines =
        inMonth(counted, YearMonth.from(through)).where(col(OrderLineColumns.ORDER_DATE).leq(lit(through)));
    return terms(credit(lines, context), classified, context);
  }

  /** The unknown-rep warnings over all months: rep_id, role, lines, sorted by rep_id, role. */
  public Dataset<Row> unknownRepWarnings() {
    return RepCrediting.totalWarnings(unknownReps);
  }

  /** The commissions/ table. */
  public Dataset<Row> commissions() {
    return CommissionEngine.tableOf(commissionTerms);
  }

  /** The columns of {@link CustomerClassifier#classify} from customers/ rows. */
  public static Dataset<Row> classifiedOf(Dataset<Row> customers) {
    return customers.select(
        col(CustomersReport.CUSTOMER_ID),
        col(CustomersReport.FIRST_ORDER_DATE),
        col(CustomersReport.ACQUISITION_CHANNEL),
        col(CustomersReport.SEGMENT));
  }

  /** Drops what {@link #full} or {@link #update} cached. */
  public void release() {
    customers.sparkSession().catalog().clearCache();
  }

  private static Dataset<Row> inMonth(Dataset<Row> counted, YearMonth month) {
    return counted.where(col(MONTH).equalTo(lit(month.toString())));
  }

  private static Dataset<Row> credit(Dataset<Row> counted, Context context) {
    return RepCrediting.credit(
        counted, context.reference().accounts(), context.reference().reps());
  }

  private static Dataset<Row> terms(Dataset<Row> lines, Dataset<Row> classified, Context context) {
    Dataset<Row> withSegment =
        lines.join(
            classified.select(col(CustomerClassifier.CUSTOMER_ID), col(CustomerClassifier.SEGMENT)),
            OrderLineColumns.CUSTOMER_ID);
    return CommissionEngine.terms(
        withSegment,
        context.definitions().commissionPlans(),
        context.definitions().commissionTiers(),
        context.reference().quotas());
  }

  private static Dataset<Row> monthLines(Dataset<Row> lines) {
    return lines.groupBy(col(MONTH)).agg(count(lit(1)).as(LINES));
  }

  private static Dataset<Row> unknownReps(Dataset<Row> creditedLines) {
    return RepCrediting.unknownRepWarningsByMonth(creditedLines);
  }
}
