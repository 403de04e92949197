package com.channelexpansion.publish;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes a table as Parquet so that the same rows always give the same bytes: rows are
 * hash-partitioned into a fixed number of files by a key and sorted within each file, and Spark's
 * random part-file names (they embed a job UUID) are renamed to {@code part-00000.parquet}, ...
 * and the footers are made independent of the writing JVM ({@link ParquetFooters}).
 * Snappy compression (fast to read and write; the Parquet default analysts' tools expect).
 */
public final class ParquetTableWriter {
  private ParquetTableWriter() {}

  /**
   * Writes {@code rows} to {@code target}, which must not exist yet (a staging folder), and
   * returns the number of rows written (from the files' footers: no second pass).
   *
   * @param files number of Parquet files, fixed so the layout does not depend on the cluster
   * @param partitionKey rows with equal keys land in the same file
   * @param sortKeys total order of rows within a file
   */
  public static long write(
      Dataset<Row> rows, Path target, int files, Column[] partitionKey, Column[] sortKeys)
      throws IOException {
    return writeSorted(rows.repartition(files, partitionKey), target, sortKeys);
  }

  /**
   * Like {@link #write}, for rows the caller already hash-partitioned with {@code
   * repartition(files, partitionKey)} upstream (so a window or aggregation on that key needs no
   * second shuffle): each partition becomes one file.
   */
  public static long writeClustered(Dataset<Row> clustered, Path target, Column[] sortKeys)
      throws IOException {
    return writeSorted(clustered, target, sortKeys);
  }

  /** Writes a small table as one file (reports). */
  public static long writeSingleFile(Dataset<Row> rows, Path target, Column[] sortKeys)
      throws IOException {
    return writeSorted(rows.coalesce(1), target, sortKeys);
  }

  private static long writeSorted(Dataset<Row> partitioned, Path target, Column[] sortKeys)
      throws IOException {
    // Every column is written optional: whether Spark can prove a column non-null depends on the
    // plan that built it, and the same rows must give the same file whatever the plan.
    partitioned
        .to(partitioned.schema().asNullable())
        .sortWithinPartitions(sortKeys)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", "snappy")
        .parquet(target.toString());
    return renamePartFiles(target, partitioned.sparkSession().sparkContext().hadoopConfiguration());
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
      rows += ParquetFooters.canonicalize(fs, renamed);
    }
    return rows;
  }
}
