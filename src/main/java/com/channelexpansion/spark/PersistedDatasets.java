package com.channelexpansion.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
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

  /** {@code dataset}, persisted in memory and on disk, and remembered for {@link #release}. */
  public synchronized <T> Dataset<T> keep(Dataset<T> dataset) {
    if (dataset.storageLevel().equals(StorageLevel.NONE())) {
      persisted.add(dataset.persist(StorageLevel.MEMORY_AND_DISK()));
    }
    return dataset;
  }

  /** Unpersists what {@link #keep} persisted (without waiting for the blocks to go). */
  public synchronized void release() {
    persisted.forEach(dataset -> dataset.unpersist(false));
    persisted.clear();
  }
}
