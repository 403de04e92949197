package com.channelexpansion.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.channelexpansion.testing.SharedSpark;
import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/** What a job keeps: released by the job, and never the caller's cache. */
class PersistedDatasetsTest {
  @Test
  void aMaterializedDatasetHasTheSameRowsAPlanCutToThemAndIsReleased() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> stacked = spark.range(10).toDF("n").where(col("n").geq(3)).groupBy(col("n").mod(3).as("m")).count();
    PersistedDatasets persisted = new PersistedDatasets();
    Dataset<Row> cut = persisted.materialize(stacked);

    assertEquals(
        stacked.orderBy("m").collectAsList(), cut.orderBy("m").collectAsList(), "the same rows");
    LogicalRDD rows = assertInstanceOf(LogicalRDD.class, cut.queryExecution().logical(), "its plan is its rows");
    RDD<?> held = rows.rdd();
    assertNotEquals(StorageLevel.NONE(), held.getStorageLevel(), "held by the executors");

    persisted.release();
    assertEquals(StorageLevel.NONE(), held.getStorageLevel(), "released with the rest");
  }

  @Test
  void aDatasetTheCallerCachedStaysCachedAfterRelease() {
    SparkSession spark = SharedSpark.get();
    Dataset<Row> callers = spark.range(4).toDF("n").cache();
    PersistedDatasets persisted = new PersistedDatasets();
    persisted.keep(callers);
    Dataset<Row> jobs = persisted.keep(spark.range(5).toDF("k"));
    assertEquals(List.of(4L, 5L), List.of(callers.count(), jobs.count()));

    persisted.release();
    assertNotEquals(StorageLevel.NONE(), callers.storageLevel(), "the caller's cache kept");
    assertEquals(StorageLevel.NONE(), jobs.storageLevel(), "the job's released");
    callers.unpersist(true);
  }
}
