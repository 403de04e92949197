package com.channelexpansion.report;

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
import com.channelexpansion.spark.Columns;
import com.channelexpansion.spark.PersistedDatasets;
import com.channelexpansion.warehouse.OrderLineColumns;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
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
   * The parts on as-of from {@code base}, the parts of an earlier report ({@link
   * IncrementalParts}).
   *
   * @param counted every counted line through as-of (read lazily: only what is needed is read)
   * @param baseAsOf the earlier report's as-of date (not after as-of)
   * @param changed (customer_id, month) of every line ingest added or replaced since that report
   */
  public static ReportParts update(
      ReportParts base, LocalDate baseAsOf, Dataset<Row> counted, Dataset<Row> changed, Context context) {
    return IncrementalParts.update(base, baseAsOf, counted, changed, context);
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
   * {@code split} itself, or when it has no line (the usual case) an empty local relation, which
   * Spark's optimizer drops from every join and union: the plans stay small.
   */
  static Dataset<Row> noneAsEmpty(Dataset<Row> split) {
    return split.isEmpty() ? emptyLike(split) : split;
  }

  static Dataset<Row> emptyLike(Dataset<Row> rows) {
    return rows.sparkSession().createDataFrame(List.of(), rows.schema());
  }

  /** customers/ from the (customer, month) facts and the split orders' lines. */
  static Dataset<Row> customersOf(
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

  /** UNIDENTIFIED lines take segment UNIDENTIFIED, so they match only plan rows of segment *. */
  static Dataset<Row> terms(Dataset<Row> lines, Dataset<Row> classified, Context context) {
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

  static Dataset<Row> monthLines(Dataset<Row> lines) {
    return lines.groupBy(col(MONTH)).agg(count(lit(1)).as(LINES));
  }

  static Dataset<Row> unknownReps(Dataset<Row> creditedLines) {
    return RepCrediting.unknownRepWarningsByMonth(creditedLines);
  }
}
