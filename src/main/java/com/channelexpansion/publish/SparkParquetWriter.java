package com.channelexpansion.publish;

import java.io.IOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a table as a plain Parquet folder with Spark's own writer: as many part files as the
 * plan has tasks, under Spark's own names, nothing renamed or rewritten afterwards. The same rows
 * give a table equal in content (rows, values, types) run to run; file names and count may
 * differ. An empty table still gives a readable folder: Spark's first task writes one file with
 * the schema and no rows. Snappy compression (the Parquet default analysts' tools expect).
 */
public final class SparkParquetWriter {
  private SparkParquetWriter() {}

  /**
   * A written table.
   *
   * @param rows rows of every part file, from their footers
   * @param files each part file's name (in the table's folder) and bytes, by name
   */
  public record WrittenTable(long rows, SortedMap<String, Long> files) {
    public WrittenTable {
      files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
  }

  /**
   * Writes {@code rows} to {@code target}, which must not exist yet, each part file sorted by
   * {@code sortKeys} (within a task: no extra shuffle; files read in key order compress better
   * and read predictably). Every column is written optional ({@link #allOptional}).
   */
  public static WrittenTable write(Dataset<Row> rows, Path target, Column[] sortKeys)
      throws IOException {
    allOptional(rows)
        .sortWithinPartitions(sortKeys)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "snappy")
        .parquet(target.toString());
    FileSystem fs = target.getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
    return writtenIn(fs, target);
  }

  /**
   * The rows with every column nullable, which Parquet writes as optional: whether Spark can
   * prove a column non-null depends on the plan that built it, and the same rows must give the
   * same schema whatever the plan. Dataset.to() keeps a column Spark proved non-null as it is
   * (then written required), so a plan with such columns goes through its rows once more under
   * the relaxed schema; only small report tables have them.
   */
  static Dataset<Row> allOptional(Dataset<Row> rows) {
    StructType schema = rows.schema();
    if (schema.asNullable().equals(schema)) {
      return rows;
    }
    return rows.sparkSession().createDataFrame(rows.javaRDD(), schema.asNullable());
  }

  /** The part files of a table folder and their rows (footers only: no data page is read). */
  private static WrittenTable writtenIn(FileSystem fs, Path table) throws IOException {
    SortedMap<String, Long> files = new TreeMap<>();
    long rows = 0;
    // Hidden (.crc checksums) and marker (_SUCCESS) files are not part of the table.
    for (FileStatus file : fs.listStatus(table, p -> isPartFile(p.getName()))) {
      files.put(file.getPath().getName(), file.getLen());
      rows += ParquetFooters.rowCount(fs, file.getPath());
    }
    return new WrittenTable(rows, files);
  }

  private static boolean isPartFile(String name) {
    return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
  }
}
