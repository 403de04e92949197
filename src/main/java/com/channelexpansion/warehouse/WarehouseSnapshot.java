package com.channelexpansion.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.config.Definitions;
import com.channelexpansion.config.ReferenceData;
import com.channelexpansion.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one way the reports read the warehouse ingest made: its lines (credited already, rule 10),
 * its refunds, its version, and what changed since an earlier version. Nothing here knows about
 * export files or how ingest keeps its own state; ingest may change those freely.
 */
public final class WarehouseSnapshot {
  private final SparkSession spark;
  private final WarehouseLayout layout;
  private final FileSystem fs;
  private final WarehouseVersion version;

  private WarehouseSnapshot(
      SparkSession spark, WarehouseLayout layout, FileSystem fs, WarehouseVersion version) {
    this.spark = spark;
    this.layout = layout;
    this.fs = fs;
    this.version = version;
  }

  /**
   * The warehouse as it is now.
   *
   * @throws ConfigurationException when it has no order lines yet or cannot be read
   */
  public static WarehouseSnapshot open(SparkSession spark, WarehouseLayout layout) {
    try {
      FileSystem fs = layout.fileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(layout.orderLines())) {
        throw new ConfigurationException(
            "Cannot report: the warehouse has no order_lines (" + layout.orderLines() + "): run ingest first");
      }
      WarehouseVersion version = readVersion(fs, layout);
      if (version.orderLinesVersion() == null) {
        throw new ConfigurationException(
            "Cannot report: order_lines (" + layout.orderLines() + ") was written by an earlier release"
                + " and is not a Delta table yet: run nightly (or ingest) once to convert it");
      }
      return new WarehouseSnapshot(spark, layout, fs, version);
    } catch (IOException e) {
      throw new ConfigurationException("Cannot report: cannot read the warehouse (" + layout.root() + ")", e);
    }
  }

  private static WarehouseVersion readVersion(FileSystem fs, WarehouseLayout layout) throws IOException {
    if (!fs.exists(layout.ledger())) {
      return WarehouseVersion.none();
    }
    try (InputStream in = fs.open(layout.ledger())) {
      return Json.MAPPER.readValue(in, WarehouseVersion.class);
    }
  }

  /**
   * The warehouse as a past ingest left order_lines at {@code orderLinesVersion}, with the
   * definitions that version was validated and credited with (from its commit's note).
   *
   * @throws ConfigurationException when the ledger does not vouch for that version
   */
  public WarehouseSnapshot atOrderLinesVersion(long orderLinesVersion) {
    long latest = version.orderLinesVersion();
    if (orderLinesVersion < 0 || orderLinesVersion > latest) {
      throw new ConfigurationException(
          "Cannot report: order_lines has no version " + orderLinesVersion
              + " (versions 0 to " + latest + ")");
    }
    OrderLinesDelta.CommitNote note =
        OrderLinesDelta.commitNote(spark, layout.orderLines(), orderLinesVersion)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "Cannot report: order_lines version " + orderLinesVersion
                            + " does not say which definitions made it (no commit of a run at or before it)"));
    Long rewrittenAt = version.rewrittenAtVersion();
    WarehouseVersion past =
        new WarehouseVersion(
            note.validation(), note.crediting(), version.acceptedVersions(), orderLinesVersion,
            rewrittenAt != null && rewrittenAt <= orderLinesVersion ? rewrittenAt : null);
    return new WarehouseSnapshot(spark, layout, fs, past);
  }

  public WarehouseVersion version() {
    return version;
  }

  /**
   * Refuses to pair today's definitions with lines validated or credited under others:
   * channel_definitions.csv promises the definitions that produced the numbers, and reps are
   * credited once, by ingest.
   */
  public void requireBuiltWith(Definitions definitions, ReferenceData reference) {
    String validation = version.validationFingerprint();
    if (validation != null && !validation.equals(DefinitionsFingerprint.validation(definitions, reference))) {
      throw new ConfigurationException(
          "Cannot report: the channel definitions, time zone, reporting currency or FX rates"
              + " changed since the last ingest; run nightly (or ingest) first");
    }
    String crediting = version.creditingFingerprint();
    if (crediting != null && !crediting.equals(DefinitionsFingerprint.crediting(reference))) {
      throw new ConfigurationException(
          "Cannot report: account owners, rep ids or rep aliases changed since the last ingest, so"
              + " its lines are credited to other reps; run nightly (or ingest) first");
    }
  }

  /**
   * Every line whose order_date lies in {@code month} or before, in {@link
   * OrderLineColumns#SCHEMA}'s columns; later months are not read at all (the table is laid out
   * by month).
   */
  public Dataset<Row> linesThrough(YearMonth month) {
    return OrderLinesDelta.read(spark, layout.orderLines(), version.orderLinesVersion())
        .where(col(OrderLineColumns.MONTH).leq(lit(month.toString())));
  }

  /**
   * The months the table has files in, through {@code month}, from its file list: every month
   * with lines, and rarely one whose lines all moved (a superset is what readers ask for).
   */
  public SortedSet<String> monthsThrough(YearMonth month) {
    return new TreeSet<>(
        OrderLinesDelta.months(spark, layout.orderLines(), version.orderLinesVersion())
            .headSet(month.plusMonths(1).toString()));
  }

  /**
   * The (customer_id, month), distinct, of every line added, replaced (old and new version) or
   * removed after order_lines version {@code earlier}, from the table's change feed; {@code
   * earlier} must satisfy {@link WarehouseVersion#onlyMergedSince}.
   */
  public Dataset<Row> changesSince(long earlier) {
    return OrderLinesDelta.changesBetween(spark, layout.orderLines(), earlier, version.orderLinesVersion())
        .select(col(OrderLineColumns.CUSTOMER_ID), col(OrderLineColumns.MONTH))
        .distinct();
  }

  /** order_refunds/ ({@link OrderRefundColumns}); empty when the warehouse has none. */
  public Dataset<Row> orderRefunds() throws IOException {
    return OrderRefundColumns.read(spark, fs, layout.orderRefunds());
  }
}
