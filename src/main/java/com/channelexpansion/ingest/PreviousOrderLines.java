package com.channelexpansion.ingest;

import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.OrderLinesDelta;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * order_lines as it was before a run rewrites it whole, for the re-delivered files' warning
 * ({@link RemovedLines}): a Delta table keeps its previous version readable; a plain Parquet
 * folder of an earlier release is moved aside first (Delta would otherwise start its log among
 * the old files) and deleted once the new table is committed.
 */
final class PreviousOrderLines {
  private final IngestRun run;
  private final Dataset<Row> lines;
  private final Path legacy;

  private PreviousOrderLines(IngestRun run, Dataset<Row> lines, Path legacy) {
    this.run = run;
    this.lines = lines;
    this.legacy = legacy;
  }

  /** Captures the table before the rewrite; moves a plain Parquet table of an earlier release aside. */
  static PreviousOrderLines setAside(IngestRun run) throws IOException {
    Path table = run.warehouse().orderLines();
    if (!run.fs().exists(table)) {
      return new PreviousOrderLines(run, null, null);
    }
    if (OrderLinesDelta.exists(run.spark(), table)) {
      long version = OrderLinesDelta.latestVersion(run.spark(), table);
      return new PreviousOrderLines(run, OrderLinesDelta.read(run.spark(), table, version), null);
    }
    Path legacy = run.aside("order_lines-parquet");
    run.fs().mkdirs(legacy.getParent());
    if (!run.fs().rename(table, legacy)) {
      throw new IOException("Cannot move the Parquet order_lines of an earlier release aside: " + table);
    }
    Dataset<Row> lines =
        run.spark().read().schema(OrderLineColumns.SCHEMA).parquet(legacy.toString());
    return new PreviousOrderLines(run, lines, legacy);
  }

  /** What replacing the previous table by {@code written} removed ({@link RemovedLines#between}). */
  RemovedLines removedBy(Dataset<Row> written, List<String> redelivered) {
    return lines == null ? RemovedLines.NONE : RemovedLines.between(lines, written, redelivered);
  }

  /** Deletes the Parquet table of an earlier release once the Delta table replaced it. */
  void dropLegacy() throws IOException {
    if (legacy != null) {
      run.fs().delete(legacy, true);
    }
  }
}
