package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import com.channelexpansion.ingest.read.ExportFile;
import com.channelexpansion.warehouse.OrderLineColumns;
import com.channelexpansion.warehouse.WarehouseLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The staged rows of every run, kept as {@code _versions/batch=<run-id>/} ({@link
 * ValidatedRows#SCHEMA}): the ledger says which batch stands for each ingested file, so resolving
 * every version again reads the batches, not the exports.
 */
final class VersionBatches {
  /** Export files whose (file, batch) rows are broadcast at most; more are joined. */
  private static final int BROADCAST_FILES = 200_000;

  /** The column naming the batch a row was read from; never stored. */
  static final String BATCH = "batch";

  private VersionBatches() {}

  /**
   * The versions every ingested file stands for: earlier batches, without the rows of files this
   * run read again, plus this run's batch.
   */
  static Dataset<Row> current(
      IngestRun run, IngestLedger ledger, List<ExportFile> reread, Dataset<Row> batch)
      throws IOException {
    WarehouseLayout warehouse = run.warehouse();
    Dataset<Row> current = batch.withColumn(BATCH, lit(run.runId()));
    Map<String, String> kept = new TreeMap<>();
    ledger.files().forEach((file, entry) -> kept.put(file, entry.batch()));
    reread.forEach(file -> kept.remove(file.relativePath()));
    if (kept.isEmpty() || !run.fs().exists(warehouse.versions())) {
      return current;
    }
    StructType keys =
        new StructType()
            .add(OrderLineColumns.SOURCE_FILE, DataTypes.StringType)
            .add(BATCH, DataTypes.StringType);
    List<Row> keyRows = new ArrayList<>();
    kept.forEach((file, b) -> keyRows.add(RowFactory.create(file, b)));
    // Only the batches some kept file stands for are read; the join drops re-read files' rows.
    String[] batches =
        new TreeSet<>(kept.values()).stream()
            .map(b -> warehouse.batch(b).toString())
            .toArray(String[]::new);
    SparkSession spark = run.spark();
    Dataset<Row> fileBatches = spark.createDataFrame(keyRows, keys);
    Dataset<Row> earlier =
        spark.read()
            .schema(ValidatedRows.SCHEMA)
            .parquet(batches)
            .withColumn(BATCH, batchOfFile())
            .join(
                // One row per export file held: broadcast up to a bound, joined beyond it.
                keyRows.size() <= BROADCAST_FILES ? broadcast(fileBatches) : fileBatches,
                new String[] {OrderLineColumns.SOURCE_FILE, BATCH});
    return current.unionByName(earlier);
  }

  /** Deletes batches no file stands for any more (every file in them was re-read since). */
  static void dropDead(FileSystem fs, WarehouseLayout warehouse, IngestLedger ledger)
      throws IOException {
    if (!fs.exists(warehouse.versions())) {
      return;
    }
    for (FileStatus status : fs.listStatus(warehouse.versions())) {
      String name = status.getPath().getName();
      if (name.startsWith(BATCH + "=") && !ledger.liveBatches().contains(name.substring(BATCH.length() + 1))) {
        fs.delete(status.getPath(), true);
      }
    }
  }

  /** The batch a versions row came from, read off its file's batch=<run-id> folder. */
  private static Column batchOfFile() {
    return regexp_extract(col("_metadata.file_path"), "/batch=([^/]+)/", 1);
  }
}
