package com.channelexpansion.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * The Datasets a job persisted, so that it can unpersist exactly those when it is done: the
 * session's cache is shared with the caller (a notebook, a test, another job), and {@code
 * clearCache()} would drop the caller's cached data too. A Dataset that was cached already (by the
 * caller, same plan) is used as it is and left cached. Thread-safe: parts are persisted from
 * several driver threads.
 */
public final class PersistedDatasets {
  private final List<Dataset<?>> persisted = new ArrayList<>();
  private final List<RDD<?>> materialized = new ArrayList<>();

  /** {@code dataset}, persisted in memory and on disk, and remembered for {@link #release}. */
  public synchronized <T> Dataset<T> keep(Dataset<T> dataset) {
    if (dataset.storageLevel().equals(StorageLevel.NONE())) {
      persisted.add(dataset.persist(StorageLevel.MEMORY_AND_DISK()));
    }
    return dataset;
  }

  /**
   * {@code dataset} computed now and held like {@link #keep}'s, its plan cut: a later plan over it
   * reads its rows instead of repeating the plans that made it. For Datasets built on others
   * that are built on others: their plans, analysed and printed at every query, grow with each
   * level. Its rows are not recomputed when an executor is lost (the run fails and is rerun).
   */
  public synchronized <T> Dataset<T> materialize(Dataset<T> dataset) {
    Dataset<T> cut = dataset.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
    if (cut.queryExecution().logical() instanceof LogicalRDD rows) {
      materialized.add(rows.rdd());
    }
    return cut;
  }

  /** Unpersists what {@link #keep} and {@link #materialize} hold (without waiting for the blocks to go). */
  public synchronized void release() {
    persisted.forEach(dataset -> dataset.unpersist(false));
    persisted.clear();
    materialized.forEach(rdd -> rdd.unpersist(false));
    materialized.clear();
  }
}
