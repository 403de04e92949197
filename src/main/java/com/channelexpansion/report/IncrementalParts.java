package com.channelexpansion.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.progress.StepLog;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link ReportParts#update}: an earlier report's parts brought to a later as-of by redoing only
 * the months that changed since (the months of changed lines, those from the earlier as-of's
 * month on, and those of customers whose segment or split orders changed). A month it redoes
 * gets exactly the rows {@link ReportParts#full} would compute; the others are the base's.
 */
final class IncrementalParts {
  private static final String MONTH = ReportParts.MONTH;
  private static final String[] LINE_KEY = {OrderLineColumns.ORDER_ID, OrderLineColumns.LINE_NUMBER};

  private IncrementalParts() {}

  /**
   * The parts on as-of from {@code base}, the parts of an earlier report.
   *
   * @param counted every counted line through as-of (read lazily: only what is needed is read)
   * @param baseAsOf the earlier report's as-of date (not after as-of)
   * @param changed (customer_id, month) of every line ingest added or replaced since that report
   */
  static ReportParts update(
      ReportParts base, LocalDate baseAsOf, Dataset<Row> counted, Dataset<Row> changed, ReportParts.Context context) {
    SortedSet<String> months = changedMonths(changed, baseAsOf, context.asOf());
    Dataset<Row> monthsCounted = context.persisted().keep(counted.where(inMonths(months)));
    Dataset<Row> split =
        splitOrderLinesAfter(base.splitOrderLines(), monthsCounted, counted, months, context);
    // A month holding lines of an order that became split (or stopped being) sums differently.
    SortedSet<String> customerMonthsRedone = new TreeSet<>(months);
    customerMonthsRedone.addAll(monthsOfPairsNotIn(split, base.splitOrderLines()));
    customerMonthsRedone.addAll(monthsOfPairsNotIn(base.splitOrderLines(), split));
    // Materialized: each part below stacks on the ones above it (PersistedDatasets#materialize).
    Dataset<Row> customerMonths =
        context.persisted().materialize(
            base.customerMonths()
                .where(not(inMonths(customerMonthsRedone)))
                .unionByName(
                    CustomerMonths.of(linesOf(customerMonthsRedone, months, monthsCounted, counted), split)));
    Dataset<Row> customers = context.persisted().materialize(ReportParts.customersOf(customerMonths, split, context));
    Dataset<Row> classified = ReportParts.classifiedOf(customers);

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
            .unionByName(ReportParts.terms(monthsLines, classified, context)),
        base.monthLines().where(keptMonth).unionByName(ReportParts.monthLines(monthsLines)),
        base.unknownReps().where(keptMonth).unionByName(ReportParts.unknownReps(monthsLines)));
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
      ReportParts.Context context) {
    String orderId = OrderLineColumns.ORDER_ID;
    // No broadcast hint: the recomputed months' order ids grow with the history (millions at a
    // billion lines); Spark broadcasts them when they fit spark.sql.autoBroadcastJoinThreshold
    // (10 MB by default, judged at run time under adaptive execution) and joins them otherwise.
    Dataset<Row> orderIds = monthsCounted.select(col(orderId)).distinct();
    Dataset<Row> otherMonths = counted.where(not(inMonths(months)));
    // No line in those months (a rerun, or a new month's first day without orders yet): no
    // order to look for in the others.
    SortedSet<String> monthsSharingOrders =
        monthsCounted.isEmpty()
            ? new TreeSet<>()
            : monthsOf(otherMonths.select(col(orderId), col(MONTH)).join(orderIds, orderId, "left_semi"));
    Dataset<Row> kept = baseSplit.where(not(inMonths(months)));
    if (months.size() < 2 && monthsSharingOrders.isEmpty() && kept.isEmpty()) {
      return ReportParts.emptyLike(monthsCounted); // an order split over months needs lines in two
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
    return ReportParts.noneAsEmpty(context.persisted().materialize(CustomerMonths.splitOrderLines(candidates)));
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

  /** The distinct months of {@code rows}, collected (a few dozen at most). */
  private static SortedSet<String> monthsOf(Dataset<Row> rows) {
    SortedSet<String> months = new TreeSet<>();
    rows.select(col(MONTH)).distinct().collectAsList().forEach(row -> months.add(row.getString(0)));
    return months;
  }

  private static Column inMonths(SortedSet<String> months) {
    return col(MONTH).isin((Object[]) months.toArray(String[]::new));
  }
}
