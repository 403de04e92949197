package com.channelexpansion.report;

import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.io.Fingerprint;
import com.channelexpansion.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * @param warehouseResolvedBy and {@code warehouseMerged}: the warehouse's position (its ledger's
 *     last full resolve and the merges since), so a later report knows which changes are new
 */
public record ReportState(
    String fingerprint, String warehouseResolvedBy, List<String> warehouseMerged) {
  /**
   * Bumped whenever what is stored changes meaning: older states are then not used. 3: lines of
   * customer_id UNIDENTIFIED are no customer and take segment UNIDENTIFIED (revenue, terms).
   */
  private static final String FORMAT = "report-state-3";

  public static final String FOLDER = "_state";
  static final String CUSTOMER_MONTHS = "customer_months";
  static final String SPLIT_ORDER_LINES = "split_order_lines";
  static final String COMMISSION_TERMS = "commission_terms";
  static final String MONTH_LINES = "month_lines";
  static final String UNKNOWN_REPS = "unknown_reps";
  private static final String FILE = "state.json";

  public ReportState {
    warehouseMerged = warehouseMerged == null ? List.of() : List.copyOf(warehouseMerged);
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

  /** An earlier report a report on {@code asOf} can start from, and the ingest runs since it. */
  public record Base(LocalDate asOf, Path folder, ReportState state, List<String> mergedSince) {
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
   * The latest published report on or before {@code asOf} whose state was
   * computed with the same definitions and reference data from the warehouse as it was then,
   * the warehouse having since only merged new files; empty when there is none (a full report).
   */
  public static Optional<Base> findBase(
      FileSystem fs,
      Path reportsRoot,
      LocalDate asOf,
      String fingerprint,
      String warehouseResolvedBy,
      List<String> warehouseMerged)
      throws IOException {
    if (warehouseResolvedBy == null || !fs.exists(reportsRoot)) {
      return Optional.empty();
    }
    List<LocalDate> candidates = new ArrayList<>();
    for (FileStatus folder : fs.listStatus(reportsRoot, p -> p.getName().startsWith("as_of="))) {
      try {
        LocalDate date = LocalDate.parse(folder.getPath().getName().substring("as_of=".length()));
        if (!date.isAfter(asOf)) {
          candidates.add(date);
        }
      } catch (java.time.format.DateTimeParseException notAReport) {
        // another folder: not a report
      }
    }
    candidates.sort(java.util.Comparator.reverseOrder());
    for (LocalDate date : candidates) {
      Path folder = new Path(reportsRoot, "as_of=" + date);
      Path file = new Path(new Path(folder, FOLDER), FILE);
      if (!fs.exists(new Path(folder, com.channelexpansion.publish.ReportsLayout.SUCCESS_MARKER))
          || !fs.exists(file)) {
        continue;
      }
      ReportState state;
      try (InputStream in = fs.open(file)) {
        state = Json.MAPPER.readValue(in, ReportState.class);
      } catch (IOException unreadable) {
        continue;
      }
      boolean sameInputs =
          fingerprint.equals(state.fingerprint())
              && warehouseResolvedBy.equals(state.warehouseResolvedBy())
              && warehouseMerged.size() >= state.warehouseMerged().size()
              && warehouseMerged.subList(0, state.warehouseMerged().size()).equals(state.warehouseMerged());
      if (sameInputs) {
        return Optional.of(
            new Base(
                date,
                folder,
                state,
                List.copyOf(warehouseMerged.subList(state.warehouseMerged().size(), warehouseMerged.size()))));
      }
    }
    return Optional.empty();
  }
}
