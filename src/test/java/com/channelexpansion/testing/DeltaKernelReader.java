package com.channelexpansion.testing;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a Delta table the way readers outside Spark do: through Delta Kernel (the protocol
 * library DuckDB's delta extension and delta-rs are built on, here its Java edition, which comes
 * with delta-spark), with no Spark at all. It replays the log to the live files of one version
 * and reads only those, which is what a Parquet glob of the folder gets wrong.
 */
public final class DeltaKernelReader {
  private DeltaKernelReader() {}

  /**
   * The rows of {@code table} at {@code version} (the latest when empty), each rendered as its
   * {@code columns}' values joined by '|' (null as "null"), sorted.
   */
  public static List<String> rows(Path table, OptionalLong version, List<String> columns) {
    Engine engine = DefaultEngine.create(new Configuration());
    Table delta = Table.forPath(engine, table.toUri().toString());
    Snapshot snapshot =
        version.isPresent() ? delta.getSnapshotAsOfVersion(engine, version.getAsLong()) : delta.getLatestSnapshot(engine);
    Scan scan = snapshot.getScanBuilder().build();
    Row scanState = scan.getScanState(engine);
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> files = scan.getScanFiles(engine).flatMap(FilteredColumnarBatch::getRows)) {
      while (files.hasNext()) {
        try (CloseableIterator<FilteredColumnarBatch> logical = readFile(engine, scanState, files.next())) {
          logical.forEachRemaining(batch -> render(batch, columns, rows));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort(null);
    return rows;
  }

  /** One live file's rows, with the table's logical columns (partition values added). */
  private static CloseableIterator<FilteredColumnarBatch> readFile(Engine engine, Row scanState, Row file)
      throws IOException {
    CloseableIterator<ColumnarBatch> physical =
        engine.getParquetHandler()
            .readParquetFiles(
                Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(file)),
                ScanStateRow.getPhysicalDataReadSchema(scanState),
                java.util.Optional.empty())
            .map(FileReadResult::getData);
    return Scan.transformPhysicalData(engine, scanState, file, physical);
  }

  private static void render(FilteredColumnarBatch batch, List<String> columns, List<String> rows) {
    StructType schema = batch.getData().getSchema();
    int[] ordinals = columns.stream().mapToInt(schema::indexOf).toArray();
    try (CloseableIterator<Row> selected = batch.getRows()) {
      while (selected.hasNext()) {
        Row row = selected.next();
        List<String> values = new ArrayList<>();
        for (int ordinal : ordinals) {
          values.add(row.isNullAt(ordinal) ? "null" : Objects.toString(value(row, ordinal)));
        }
        rows.add(String.join("|", values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strings, longs and decimals: the columns a comparison of order lines needs. */
  private static Object value(Row row, int ordinal) {
    DataType type = row.getSchema().at(ordinal).getDataType();
    if (type instanceof StringType) {
      return row.getString(ordinal);
    }
    if (type instanceof LongType) {
      return row.getLong(ordinal);
    }
    if (type instanceof DecimalType) {
      return row.getDecimal(ordinal).toPlainString();
    }
    throw new IllegalArgumentException("no rendering for " + type);
  }
}
