package com.channelexpansion.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.commission.CommissionEngine;
import com.channelexpansion.commission.RepCrediting;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.PersistedDatasets;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What every report output is derived from, in two kinds of parts:
 *
 * <ul>
 *   <li>per (customer, month), depending only on that month's lines ({@link CustomerMonths}), and
 *       the lines of the rare orders split over months: the customers/ rows and the executive
 *       summary's customer facts are summed from them;
 *   <li>per month, depending only on that month's lines and their customers' segments: the
 *       revenue_monthly/ rows, the commission terms ({@link CommissionEngine#terms}), the counted
 *       lines and the unknown-rep warnings.
 * </ul>
 *
 * <p>Lines of customer_id UNIDENTIFIED have (customer, month) facts like anyone's, which the
 * summary's totals need, but make no customers/ row; wherever lines meet segments they take
 * segment UNIDENTIFIED ({@link CustomerClassifier#withUnidentified}).
 *
 * <p>{@link #full} computes them from every counted line. {@link #update} starts from an earlier
 * report's parts and recomputes only the months that changed since: the rows of a month it
 * recomputes are exactly those {@link #full} would compute, and the others are unchanged, so both
 * give the same parts. It never reads a customer's history, only the months it recomputes.
 *
 * @param customers the customers/ rows
 * @param customerMonths {@link CustomerMonths#of}
 * @param splitOrderLines {@link CustomerMonths#splitOrderLines}
 */
public record ReportParts(
    Dataset<Row> customers,
    Dataset<Row> customerMonths,
    Dataset<Row> splitOrderLines,
    Dataset<Row> revenueMonthly,
    Dataset<Row> commissionTerms,
    Dataset<Row> monthLines,
    Dataset<Row> unknownReps) {

  /** Columns of {@link #monthLines}. */
  public static final String MONTH = OrderLineColumns.MONTH;

  public static final String LINES = "lines";

  private static final String[] LINE_KEY = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};

  /**
   * The inputs every part needs besides the lines.
   *
   * @param persisted where {@link #full} and {@link #update} record what they cache, for the job
   *     to unpersist (and nothing else) when the outputs are written
   */
  public record Context(
      Definitions definitions,
      ReferenceData reference,
      Dataset<Row> accounts,
      LocalDate asOf,
      PersistedDatasets persisted) {
    public ReportWindows windows() {
      return ReportWindows.of(asOf);
    }
  }

  /**
   * The parts from {@code counted}: every counted line through as-of, credited by ingest
   * (credited_rep_id and the unknown-rep columns, rule 10); nothing here credits again.
   *
   * @param months the months {@code counted} has lines in, or more
   */
  public static ReportParts full(Dataset<Row> counted, SortedSet<String> months, Context context) {
    Dataset<Row> lines = context.persisted().keep(counted);
    Dataset<Row> split =
        months.size() < 2
            ? emptyLike(lines)
            : noneAsEmpty(context.persisted().keep(CustomerMonths.splitOrderLines(lines)));
    Dataset<Row> customerMonths = context.persisted().keep(CustomerMonths.of(lines, split));
    Dataset<Row> customers = context.persisted().keep(customersOf(customerMonths, split, context));
    Dataset<Row> classified = classifiedOf(customers);
    return new ReportParts(
        customers,
        customerMonths,
        split,
        RevenueMonthlyReport.build(lines, classified, context.accounts()),
        terms(lines, classified, context),
        monthLines(lines),
        unknownReps(lines));
  }

  /**
   * The parts on as-of from {@code base}, the parts of an earlier report.
   *
   * @param counted every counted line through as-of (read lazily: only what is needed is read)
   * @param baseAsOf the earlier report's as-of date (not after as-of)
   * @param changed (customer_id, month) of every line ingest added or replaced since that report
   */
  public static ReportParts update(
      ReportParts base, LocalDate baseAsOf, Dataset<Row> counted, Dataset<Row> changed, Context context) {
    SortedSet<String> months = changedMonths(changed, baseAsOf, context.asOf());
    Dataset<Row> monthsCounted = context.persisted().keep(counted.where(inMonths(months)));
    Dataset<Row> split =
        splitOrderLinesAfter(base.splitOrderLines(), monthsCounted, counted, months, context);
    // A month holding lines of an order that became split (or stopped being) sums differently.
    SortedSet<String> customerMonthsRedone = new TreeSet<>(months);
    customerMonthsRedone.addAll(monthsOfPairsNotIn(split, base.splitOrderLines()));
    customerMonthsRedone.addAll(monthsOfPairsNotIn(base.splitOrderLines(), split));
    Dataset<Row> customerMonths =
        context.persisted().keep(
            base.customerMonths()
                .where(not(inMonths(customerMonthsRedone)))
                .unionByName(
                    CustomerMonths.of(linesOf(customerMonthsRedone, months, monthsCounted, counted), split)));
    Dataset<Row> customers = context.persisted().keep(customersOf(customerMonths, split, context));
    Dataset<Row> classified = classifiedOf(customers);

    // The month parts depend on segments too: a customer's new segment redoes all its months.
    SortedSet<String> partMonths = new TreeSet<>(months);
    partMonths.addAll(monthsOfSegmentChanges(customers, base.customers(), customerMonths, split));
    StepLog.info("Report: recomputing months " + partMonths + " (customer facts of " + customerMonthsRedone + ")");
    Dataset<Row> monthsLines =
        context.persisted().keep(linesOf(partMonths, months, monthsCounted, counted));
    Column keptMonth = not(inMonths(partMonths));
    return new ReportParts(
        customers,
        customerMonths,
        split,
        base.revenueMonthly()
            .where(keptMonth)
            .unionByName(RevenueMonthlyReport.build(monthsLines, classified, context.accounts())),
        base.commissionTerms()
            .where(keptMonth)
            .unionByName(terms(monthsLines, classified, context)),
        base.monthLines().where(keptMonth).unionByName(monthLines(monthsLines)),
        base.unknownReps().where(keptMonth).unionByName(unknownReps(monthsLines)));
  }

  /**
   * The executive summary's per-(window, customer) facts ({@link ExecutiveSummary#customerFacts}).
   *
   * @param yearEarlierLastMonth the counted lines of the year-earlier window's last month through
   *     its end ({@link CountedLines#monthThrough})
   */
  public Dataset<Row> summaryFacts(Dataset<Row> yearEarlierLastMonth, Context context) {
    ReportWindows windows = context.windows();
    return ExecutiveSummary.customerFacts(
        CustomerMonths.perWindow(yearEarlierLastMonth, customerMonths, splitOrderLines, windows),
        classifiedOf(customers),
        windows);
  }

  /**
   * Months whose lines may differ from the base's: those of changed lines, and every month from
   * the base's as-of month (counted only through its as-of) to this one's; never after as-of's
   * month.
   */
  private static SortedSet<String> changedMonths(Dataset<Row> changed, LocalDate baseAsOf, LocalDate asOf) {
    SortedSet<String> months = monthsOf(changed);
    for (YearMonth month = YearMonth.from(baseAsOf); !month.isAfter(YearMonth.from(asOf)); month = month.plusMonths(1)) {
      months.add(month.toString());
    }
    String asOfMonth = YearMonth.from(asOf).toString();
    months.removeIf(month -> month.compareTo(asOfMonth) > 0);
    return months;
  }

  /**
   * The split orders' lines after {@code months} were recomputed: an order of those months may
   * now have lines in another month (found by a scan of the other months' order ids only), and
   * the base's split orders outside them are unchanged.
   */
  private static Dataset<Row> splitOrderLinesAfter(
      Dataset<Row> baseSplit,
      Dataset<Row> monthsCounted,
      Dataset<Row> counted,
      SortedSet<String> months,
      Context context) {
    String orderId = OrderLineColumns.ORDER_ID;
    Dataset<Row> orderIds = broadcast(monthsCounted.select(col(orderId)).distinct());
    Dataset<Row> otherMonths = counted.where(not(inMonths(months)));
    // No line in those months (a rerun, or a new month's first day without orders yet): no
    // order to look for in the others.
    SortedSet<String> monthsSharingOrders =
        monthsCounted.isEmpty()
            ? new TreeSet<>()
            : monthsOf(otherMonths.select(col(orderId), col(MONTH)).join(orderIds, orderId, "left_semi"));
    Dataset<Row> kept = baseSplit.where(not(inMonths(months)));
    if (months.size() < 2 && monthsSharingOrders.isEmpty() && kept.isEmpty()) {
      return emptyLike(monthsCounted); // an order split over months needs lines in two
    }
    Dataset<Row> candidates = kept.unionByName(monthsCounted);
    if (!monthsSharingOrders.isEmpty()) {
      // Lines of the base's split orders are there already.
      candidates =
          candidates.unionByName(
              counted.where(inMonths(monthsSharingOrders))
                  .join(orderIds, orderId, "left_semi")
                  .join(kept.select(Columns.named(LINE_KEY)), LINE_KEY, "left_anti")
                  .select(Columns.named(counted.columns())));
    }
    return noneAsEmpty(context.persisted().keep(CustomerMonths.splitOrderLines(candidates)));
  }

  /** The months of {@code split}'s lines whose (customer, order) pair {@code other} lacks. */
  private static SortedSet<String> monthsOfPairsNotIn(Dataset<Row> split, Dataset<Row> other) {
    String[] pair = {OrderLineColumns.CUSTOMER_ID, OrderLineColumns.ORDER_ID};
    return monthsOf(split.join(other.select(Columns.named(pair)), pair, "left_anti"));
  }

  /** The months with lines of customers whose segment is not the base's (or who are new). */
  private static SortedSet<String> monthsOfSegmentChanges(
      Dataset<Row> customers, Dataset<Row> baseCustomers, Dataset<Row> customerMonths, Dataset<Row> split) {
    String id = OrderLineColumns.CUSTOMER_ID;
    Dataset<Row> changedCustomers =
        customers.select(col(id), col(CustomerClassifier.SEGMENT))
            .except(baseCustomers.select(col(id), col(CustomerClassifier.SEGMENT)))
            .select(col(id));
    return monthsOf(
        customerMonths.select(col(id), col(MONTH))
            .unionByName(split.select(col(id), col(MONTH)))
            .join(changedCustomers, id, "left_semi"));
  }

  /** The counted lines of {@code wanted} months: those already read when they are the same. */
  private static Dataset<Row> linesOf(
      SortedSet<String> wanted, SortedSet<String> read, Dataset<Row> readLines, Dataset<Row> counted) {
    return wanted.equals(read) ? readLines : counted.where(inMonths(wanted));
  }

  /**
   * {@code split} itself, or when it has no line (the usual case) an empty local relation, which
   * Spark's optimizer drops from every join and union: the plans stay small.
   */
  private static Dataset<Row> noneAsEmpty(Dataset<Row> split) {
    return split.isEmpty() ? emptyLike(split) : split;
  }

  private static Dataset<Row> emptyLike(Dataset<Row> rows) {
    return rows.sparkSession().createDataFrame(List.of(), rows.schema());
  }

  /** The distinct months of {@code rows}, collected (a few dozen at most). */
  private static SortedSet<String> monthsOf(Dataset<Row> rows) {
    SortedSet<String> months = new TreeSet<>();
    rows.select(col(MONTH)).distinct().collectAsList().forEach(row -> months.add(row.getString(0)));
    return months;
  }

  /** customers/ from the (customer, month) facts and the split orders' lines. */
  private static Dataset<Row> customersOf(
      Dataset<Row> customerMonths, Dataset<Row> split, Context context) {
    Dataset<Row> perCustomer =
        context.persisted().keep(CustomerMonths.perCustomer(customerMonths, split));
    Dataset<Row> classified =
        CustomerClassifier.fromFirstLines(
            perCustomer.select(col(CustomerMonths.CUSTOMER_ID), col(CustomerMonths.FIRST_LINE)),
            context.definitions().settings().programStart());
    return CustomersReport.build(perCustomer, classified, context.accounts());
  }

  /**
   * The commission terms of a window's last month through its end ({@link
   * CountedLines#monthThrough}).
   */
  public static Dataset<Row> partialMonthTerms(
      Dataset<Row> lastMonthThrough, Dataset<Row> classified, Context context) {
    return terms(lastMonthThrough, classified, context);
  }

  /** The unknown-rep warnings over all months: rep_id, role, lines, sorted by rep_id, role. */
  public Dataset<Row> unknownRepWarnings() {
    return RepCrediting.totalWarnings(unknownReps);
  }

  /** The columns of {@link CustomerClassifier#fromFirstLines} from customers/ rows. */
  public static Dataset<Row> classifiedOf(Dataset<Row> customers) {
    return customers.select(
        col(CustomersReport.CUSTOMER_ID),
        col(CustomersReport.FIRST_ORDER_DATE),
        col(CustomersReport.ACQUISITION_CHANNEL),
        col(CustomersReport.SEGMENT));
  }

  private static Column inMonths(SortedSet<String> months) {
    return col(MONTH).isin((Object[]) months.toArray(String[]::new));
  }

  /** UNIDENTIFIED lines take segment UNIDENTIFIED, so they match only plan rows of segment *. */
  private static Dataset<Row> terms(Dataset<Row> lines, Dataset<Row> classified, Context context) {
    Dataset<Row> withSegment =
        lines.join(
            CustomerClassifier.withUnidentified(
                classified.select(col(CustomerClassifier.CUSTOMER_ID), col(CustomerClassifier.SEGMENT))),
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
