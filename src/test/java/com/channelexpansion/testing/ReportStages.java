package com.channelexpansion.testing;

import com.channelexpansion.classify.CountedLines;
import com.channelexpansion.classify.CustomerClassifier;
import com.channelexpansion.report.CustomerMonths;
import com.channelexpansion.report.ExecutiveSummary;
import com.channelexpansion.report.ReportWindows;
import com.channelexpansion.report.SummaryMetric;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The report's stages chained as {@code ReportParts.full} chains them, for tests that check one
 * stage's figures on counted lines without definitions, reference data or crediting: only
 * production functions are called, so a test sees what a report would publish.
 */
public final class ReportStages {
  private ReportStages() {}

  /** The customers' classification: first lines from the (customer, month) facts. */
  public static Dataset<Row> classified(Dataset<Row> counted, LocalDate programStart) {
    Dataset<Row> split = CustomerMonths.splitOrderLines(counted);
    return CustomerClassifier.fromFirstLines(
        CustomerMonths.perCustomer(CustomerMonths.of(counted, split), split), programStart);
  }

  /** The executive summary's metrics on {@code asOf} besides the commission ones. */
  public static List<SummaryMetric> summary(
      Dataset<Row> counted, Dataset<Row> classified, LocalDate asOf) {
    ReportWindows windows = ReportWindows.of(asOf);
    Dataset<Row> split = CustomerMonths.splitOrderLines(counted);
    Dataset<Row> perWindow =
        CustomerMonths.perWindow(
            CountedLines.monthThrough(counted, windows.yearEarlierEnd()),
            CustomerMonths.of(counted, split),
            split,
            windows);
    return ExecutiveSummary.fromCustomerFacts(
        ExecutiveSummary.customerFacts(perWindow, classified, windows));
  }
}
