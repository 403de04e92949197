package com.channelexpansion.report.job;

import com.channelexpansion.report.ReportParts;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.io.Fingerprint;
import com.channelexpansion.io.Json;
import com.channelexpansion.publish.ReportsLayout;
import com.channelexpansion.warehouse.WarehouseVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a published report keeps beside its outputs (in {@code as_of=.../_state/}) so that the next
 * night's report can start from it ({@link ReportParts#update}): the parts that are not outputs
 * themselves, and what they were computed from.
 *
 * @param fingerprint {@link #fingerprint} of the definitions and reference data it used
 * @param orderLinesVersion the version of order_lines it read, so a later report asks the table's
 *     change feed for what changed since
 */
public record ReportState(String fingerprint, long orderLinesVersion) {
  /**
   * Bumped whenever what is stored changes meaning: older states are then not used. 3: lines of
   * customer_id UNIDENTIFIED are no customer and take segment UNIDENTIFIED (revenue, terms). 4:
   * lines are read credited (credited_rep_id and the unknown-rep columns) from the warehouse. 5:
   * the warehouse's position is order_lines' Delta version.
   */
  private static final String FORMAT = "report-state-5";

  public static final String FOLDER = "_state";
  static final String CUSTOMER_MONTHS = "customer_months";
  static final String SPLIT_ORDER_LINES = "split_order_lines";
  static final String COMMISSION_TERMS = "commission_terms";
  static final String MONTH_LINES = "month_lines";
  static final String UNKNOWN_REPS = "unknown_reps";
  private static final String FILE = "state.json";

  /** The state of a report computed from {@code warehouse} with {@code fingerprint}. */
  public static ReportState of(String fingerprint, WarehouseVersion warehouse) {
    return new ReportState(fingerprint, warehouse.orderLinesVersion());
  }

  /**
   * A hash of everything besides the lines that a report's numbers depend on: the state's format,
   * then the definitions and the reference data as a whole (any change to either, row order
   * included, starts the next report afresh).
   */
  public static String fingerprint(Definitions definitions, ReferenceData reference) {
    return new Fingerprint().line(FORMAT).line(definitions).line(reference).sha256();
  }

  public void write(FileSystem fs, Path reportFolder) throws IOException {
    try (OutputStream out = fs.create(new Path(new Path(reportFolder, FOLDER), FILE), false)) {
      Json.MAPPER.writeValue(out, this);
    }
  }

  /** An earlier report a report on {@code asOf} can start from. */
  public record Base(LocalDate asOf, Path folder, ReportState state) {
    /** Its parts, read from its outputs and its state folder. */
    public ReportParts parts(SparkSession spark) {
      Path stateFolder = new Path(folder, FOLDER);
      return new ReportParts(
          spark.read().parquet(new Path(folder, ReportJob.CUSTOMERS).toString()),
          read(spark, new Path(stateFolder, CUSTOMER_MONTHS)),
          read(spark, new Path(stateFolder, SPLIT_ORDER_LINES)),
          spark.read().parquet(new Path(folder, ReportJob.REVENUE_MONTHLY).toString()),
          read(spark, new Path(stateFolder, COMMISSION_TERMS)),
          read(spark, new Path(stateFolder, MONTH_LINES)),
          read(spark, new Path(stateFolder, UNKNOWN_REPS)));
    }

    private static Dataset<Row> read(SparkSession spark, Path path) {
      return spark.read().parquet(path.toString());
    }
  }

  /**
   * The latest published report on or before {@code asOf} whose state was computed with the same
   * definitions and reference data from the warehouse as it was then, the warehouse having since
   * only merged new lines in; empty when there is none (a full report).
   */
  public static Optional<Base> findBase(
      FileSystem fs, Path reportsRoot, LocalDate asOf, String fingerprint, WarehouseVersion warehouse)
      throws IOException {
    if (warehouse.orderLinesVersion() == null || !fs.exists(reportsRoot)) {
      return Optional.empty();
    }
    for (LocalDate date : publishedOnOrBefore(fs, reportsRoot, asOf)) {
      Path folder = new Path(reportsRoot, "as_of=" + date);
      Optional<ReportState> state = readIfPublished(fs, folder);
      if (state.isEmpty() || !fingerprint.equals(state.get().fingerprint())) {
        continue;
      }
      if (warehouse.onlyMergedSince(state.get().orderLinesVersion())) {
        return Optional.of(new Base(date, folder, state.get()));
      }
    }
    return Optional.empty();
  }

  /** The dates of the as_of= folders on or before {@code asOf}, latest first. */
  private static List<LocalDate> publishedOnOrBefore(FileSystem fs, Path reportsRoot, LocalDate asOf)
      throws IOException {
    List<LocalDate> dates = new ArrayList<>();
    for (FileStatus folder : fs.listStatus(reportsRoot, p -> p.getName().startsWith("as_of="))) {
      try {
        LocalDate date = LocalDate.parse(folder.getPath().getName().substring("as_of=".length()));
        if (!date.isAfter(asOf)) {
          dates.add(date);
        }
      } catch (DateTimeParseException notAReport) {
        // another folder: not a report
      }
    }
    dates.sort(Comparator.reverseOrder());
    return dates;
  }

  /** The state of a complete report folder; empty when unfinished, absent or unreadable. */
  private static Optional<ReportState> readIfPublished(FileSystem fs, Path folder) throws IOException {
    Path file = new Path(new Path(folder, FOLDER), FILE);
    if (!fs.exists(new Path(folder, ReportsLayout.SUCCESS_MARKER)) || !fs.exists(file)) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(file)) {
      return Optional.of(Json.MAPPER.readValue(in, ReportState.class));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }
}
