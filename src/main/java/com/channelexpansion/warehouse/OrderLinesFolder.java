package com.channelexpansion.warehouse;

import com.channelexpansion.publish.ParquetTableWriter;
import com.channelexpansion.spark.Columns;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How {@code order_lines/} lies on disk, for its readers and its writer alike: one Hive-style
 * folder per month of order_date ({@code month=2026-10/part-00000.snappy.parquet}), each month's
 * lines in one file sorted by (order_id, line_number). Readers get {@code month} from the folder
 * name (Spark, DuckDB and pyarrow read Hive partitions).
 */
public final class OrderLinesFolder {
  private static final String MONTH_PREFIX = OrderLineColumns.MONTH + "=";

  private OrderLinesFolder() {}

  /** The table as published, in {@link OrderLineColumns#SCHEMA}'s column order. */
  public static Dataset<Row> read(SparkSession spark, Path table) {
    return spark.read()
        .schema(OrderLineColumns.SCHEMA)
        .parquet(table.toString())
        .select(Columns.named(OrderLineColumns.SCHEMA.fieldNames()));
  }

  /**
   * The columns a reader of the folder sees: those of {@link OrderLineColumns#SCHEMA}, {@code
   * month} last (it comes from the folder names), all optional.
   */
  public static StructType publishedSchema() {
    StructType schema = new StructType();
    for (StructField field : OrderLineColumns.SCHEMA.fields()) {
      if (!field.name().equals(OrderLineColumns.MONTH)) {
        schema = schema.add(field.name(), field.dataType(), true);
      }
    }
    return schema.add(OrderLineColumns.MONTH, DataTypes.StringType, true);
  }

  /**
   * Whether {@code table} has the by-month layout (a warehouse written by an earlier version
   * holds files at its top: it is then rebuilt whole, once).
   */
  public static boolean byMonth(FileSystem fs, Path table) throws IOException {
    return fs.exists(table)
        && Arrays.stream(fs.listStatus(table)).noneMatch(s -> s.getPath().getName().endsWith(".parquet"));
  }

  /** The month folders of {@code table}. */
  public static FileStatus[] monthFolders(FileSystem fs, Path table) throws IOException {
    return fs.listStatus(table, p -> p.getName().startsWith(MONTH_PREFIX));
  }

  public static String monthOf(Path monthFolder) {
    return monthFolder.getName().substring(MONTH_PREFIX.length());
  }

  public static Path monthFolder(Path table, String month) {
    return ParquetTableWriter.partitionFolder(table, OrderLineColumns.MONTH, month);
  }
}
