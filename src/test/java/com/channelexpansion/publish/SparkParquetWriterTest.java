package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.spark.Columns;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables written by Spark's own writer: any number of part files, the schema kept, rows counted. */
class SparkParquetWriterTest {
  /** A report-like schema: a key Spark may prove non-null and a DECIMAL(18,2) amount. */
  private static final StructType SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("month", DataTypes.StringType, true)
          .add("net_revenue", DataTypes.createDecimalType(18, 2), true);

  @TempDir Path dir;

  private static org.apache.hadoop.fs.Path target(Path folder) {
    return new org.apache.hadoop.fs.Path(folder.toUri());
  }

  private static Dataset<Row> rows(int count, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(RowFactory.create("C" + i, "2026-0" + (1 + i % 9), new BigDecimal(i + ".25")));
    }
    return SharedSpark.get().createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  @Test
  void writesOnePartFilePerTaskAndCountsTheRowsFromTheFooters() throws IOException {
    Path table = dir.resolve("customers");
    SparkParquetWriter.WrittenTable written =
        SparkParquetWriter.write(rows(500, 3), target(table), Columns.named("customer_id"));

    assertEquals(500, written.rows());
    assertEquals(3, written.files().size(), "one file per task, no coalesce");
    SortedMap<String, Long> onDisk = new TreeMap<>();
    for (String file : SmallSamples.files(table)) {
      if (!file.startsWith(".")) {
        onDisk.put(file, Files.size(table.resolve(file)));
      }
    }
    assertEquals(onDisk, written.files(), "every part file, with its bytes, and nothing else");
    Dataset<Row> read = SharedSpark.get().read().parquet(table.toString());
    assertEquals(SCHEMA.asNullable(), read.schema(), "columns, order and types kept");
    assertEquals(500, read.count());
    for (String file : written.files().keySet()) {
      assertEquals(List.of(Type.Repetition.OPTIONAL), repetitions(table.resolve(file)), file);
    }
  }

  /** The repetitions of a Parquet file's columns, as its footer records them. */
  private static List<Type.Repetition> repetitions(Path file) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(target(file), SharedSpark.get().sparkContext().hadoopConfiguration()))) {
      return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
          .map(Type::getRepetition)
          .distinct()
          .toList();
    }
  }

  @Test
  void anEmptyTableIsAReadableFolderWithItsSchema() throws IOException {
    Path table = dir.resolve("empty");
    SparkSession spark = SharedSpark.get();
    SparkParquetWriter.WrittenTable written =
        SparkParquetWriter.write(
            spark.createDataFrame(List.of(), SCHEMA), target(table), Columns.named("customer_id"));

    assertEquals(0, written.rows());
    // Spark 4.2's first task writes a file holding only the schema when no task has rows.
    assertEquals(1, written.files().size(), written.files().toString());
    Dataset<Row> read = spark.read().parquet(table.toString());
    assertEquals(SCHEMA.asNullable(), read.schema());
    assertTrue(read.isEmpty());
  }

  @Test
  void neverWritesOverAnExistingTable() throws IOException {
    Path table = dir.resolve("existing");
    SparkParquetWriter.write(rows(10, 1), target(table), Columns.named("customer_id"));
    assertThrows(
        AnalysisException.class,
        () -> SparkParquetWriter.write(rows(10, 1), target(table), Columns.named("customer_id")));
  }
}
