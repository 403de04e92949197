package com.channelexpansion.warehouse;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a merging ingest run changed in order_lines: the (customer_id, month) of every line it
 * added or replaced, old and new version, kept in {@code _state/changes/run=<run-id>/}. A report
 * redoes those customers and months only.
 */
public final class ChangedLines {
  public static final StructType SCHEMA =
      new StructType()
          .add(OrderLineColumns.CUSTOMER_ID, DataTypes.StringType, true)
          .add(OrderLineColumns.MONTH, DataTypes.StringType, true);

  private ChangedLines() {}

  /** The changes of {@code runs} (none: an empty frame). */
  static Dataset<Row> of(SparkSession spark, WarehouseLayout warehouse, List<String> runs) {
    if (runs.isEmpty()) {
      return spark.createDataFrame(List.of(), SCHEMA);
    }
    String[] paths = runs.stream().map(run -> warehouse.changesOf(run).toString()).toArray(String[]::new);
    return spark.read().schema(SCHEMA).parquet(paths);
  }
}
