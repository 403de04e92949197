package com.channelexpansion.ingest;

import static org.apache.spark.sql.functions.col;

import com.channelexpansion.publish.SparkParquetWriter;
import com.channelexpansion.spark.Columns;
import com.channelexpansion.warehouse.RejectColumns;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Keeps {@code rejects/} (rule 1, nothing dropped): every rejected row of the files the warehouse
 * holds, with its reason, detail and raw text ({@link RejectColumns}), written by Spark's writer
 * (each part file sorted by file and line). A failed run writes its own rejects the same way to
 * {@code failed-runs/}.
 */
final class RejectsTable {
  private RejectsTable() {}

  /** The rejected rows among staged rows ({@link ValidatedRows#SCHEMA}), as rejects/ rows. */
  static Dataset<Row> of(Dataset<Row> validated) {
    return validated
        .where(col(ValidatedRows.REJECT_REASON).isNotNull())
        .select(
            col(RejectColumns.SOURCE_FILE),
            col(RejectColumns.SOURCE_LINE),
            col(ValidatedRows.REJECT_REASON).as(RejectColumns.REASON),
            col(ValidatedRows.REJECT_DETAIL).as(RejectColumns.DETAIL),
            col(RejectColumns.RAW_RECORD));
  }

  /** The published table. */
  static Dataset<Row> read(SparkSession spark, Path table) {
    return spark.read().schema(RejectColumns.SCHEMA).parquet(table.toString());
  }

  static void write(Dataset<Row> rejects, Path target) throws IOException {
    SparkParquetWriter.write(
        rejects, target, Columns.named(RejectColumns.SOURCE_FILE, RejectColumns.SOURCE_LINE));
  }
}
