package com.channelexpansion.publish;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the warehouse's order_lines (and ingest's record of changed lines) as Parquet with stable
 * file names: rows go to one file per value of a partition column ({@link #writePartitioned}) or
 * to a single file ({@link #writeSingleFile}) and are sorted within each file, and Spark's random
 * part-file names (they embed a job UUID) are renamed to {@code part-00000.parquet}, ...
 * Snappy compression (fast to read and write; the Parquet default analysts' tools expect).
 * Published tables of plain Parquet are written by {@link SparkParquetWriter}.
 */
public final class ParquetTableWriter {
  private ParquetTableWriter() {}

  /**
   * Writes {@code rows} Hive-style as one folder per value of {@code partitionColumn} ({@code
   * <column>=<value>/part-00000.snappy.parquet}), each value's rows in one file sorted by {@code
   * sortKeys}: a file's bytes depend only on that partition's rows, so a run may rewrite some
   * partitions and leave the others. {@code target} must not exist yet. Returns the rows written
   * per partition value (from the footers).
   */
  public static SortedMap<String, Long> writePartitioned(
      Dataset<Row> rows, Path target, String partitionColumn, Column[] sortKeys)
      throws IOException {
    Column[] partitionFirst = new Column[sortKeys.length + 1];
    partitionFirst[0] = functions.col(partitionColumn);
    System.arraycopy(sortKeys, 0, partitionFirst, 1, sortKeys.length);
    // Hash-partitioned by the column, every value's rows meet in one task, hence one file.
    allOptional(rows.repartition(functions.col(partitionColumn)))
        .sortWithinPartitions(partitionFirst)
        .write()
        .partitionBy(partitionColumn)
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "snappy")
        .parquet(target.toString());
    org.apache.hadoop.conf.Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
    FileSystem fs = target.getFileSystem(conf);
    SortedMap<String, Long> written = new TreeMap<>();
    if (!fs.exists(target)) {
      return written;
    }
    String prefix = partitionColumn + "=";
    for (FileStatus partition : fs.listStatus(target, p -> p.getName().startsWith(prefix))) {
      String value = partition.getPath().getName().substring(prefix.length());
      written.put(unescapePathName(value), renamePartFiles(partition.getPath(), conf));
    }
    return written;
  }

  /** The folder of one partition value, as {@link #writePartitioned} names it. */
  public static Path partitionFolder(Path table, String partitionColumn, String value) {
    return new Path(table, partitionColumn + "=" + escapePathName(value));
  }

  /** Rows in every Parquet file below {@code dir}, from their footers. */
  public static long rowsIn(FileSystem fs, Path dir) throws IOException {
    long rows = 0;
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
    while (files.hasNext()) {
      Path file = files.next().getPath();
      if (file.getName().endsWith(".parquet") && !file.getName().startsWith(".")) {
        rows += ParquetFooters.rowCount(fs, file);
      }
    }
    return rows;
  }

  private static String escapePathName(String value) {
    return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.escapePathName(value);
  }

  private static String unescapePathName(String value) {
    return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.unescapePathName(value);
  }

  /** Writes a small table as one file (the changed lines a merging ingest records). */
  public static long writeSingleFile(Dataset<Row> rows, Path target, Column[] sortKeys)
      throws IOException {
    return writeSorted(rows.coalesce(1), target, sortKeys);
  }

  private static long writeSorted(Dataset<Row> partitioned, Path target, Column[] sortKeys)
      throws IOException {
    // Every column is written optional: whether Spark can prove a column non-null depends on the
    // plan that built it, and the same rows must give the same file whatever the plan.
    allOptional(partitioned)
        .sortWithinPartitions(sortKeys)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "snappy")
        .parquet(target.toString());
    return renamePartFiles(target, partitioned.sparkSession().sparkContext().hadoopConfiguration());
  }

  /**
   * The rows with every column nullable, which Parquet writes as optional. Dataset.to() keeps a
   * column Spark proved non-null as it is (then written required), so a plan with such columns
   * goes through its rows once more under the relaxed schema; only small report tables have them.
   */
  static Dataset<Row> allOptional(Dataset<Row> rows) {
    StructType schema = rows.schema();
    if (schema.asNullable().equals(schema)) {
      return rows;
    }
    return rows.sparkSession().createDataFrame(rows.javaRDD(), schema.asNullable());
  }

  private static long renamePartFiles(Path dir, org.apache.hadoop.conf.Configuration conf)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    FileStatus[] parts = fs.listStatus(dir, p -> p.getName().startsWith("part-"));
    // Spark names files part-<task number>-<uuid>...: sorting by name keeps the task order.
    Arrays.sort(parts, Comparator.comparing(s -> s.getPath().getName()));
    long rows = 0;
    for (int i = 0; i < parts.length; i++) {
      Path renamed = new Path(dir, String.format("part-%05d.snappy.parquet", i));
      if (!fs.rename(parts[i].getPath(), renamed)) {
        throw new IOException("Cannot name output file: rename failed (" + parts[i].getPath() + ")");
      }
      rows += ParquetFooters.rowCount(fs, renamed);
      // Executors of a standalone cluster write a local file system's checksum sidecar (the
      // driver turns them off, SparkSessions): dropped, so a table is the same files whichever
      // process wrote it.
      Path checksum = new Path(dir, "." + renamed.getName() + ".crc");
      if (fs.exists(checksum)) {
        fs.delete(checksum, false);
      }
    }
    return rows;
  }
}
