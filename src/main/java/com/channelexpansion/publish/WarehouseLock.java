package com.channelexpansion.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per warehouse, built from the one step every store makes atomic: create-if-absent.
 *
 * <p>The lock is the folder {@code <warehouse>/_lock/} of generation files {@code
 * lock-<generation>.json}; the highest generation is the lock. Its content ({@link LockRecord})
 * names the holder and carries the heartbeat, which the holder alone rewrites every 30 s. To
 * acquire, a run reads the highest generation N: when there is none, or it is released, or its
 * heartbeat (the instant in its content, on every host alike) is older than {@link #STALE_AFTER},
 * or its process is provably gone ({@link LockHolder#seesGone}), the run creates N+1 with
 * create-if-absent. Of any number of contenders exactly one create succeeds; the others exit 5
 * ({@link LockHeldException}). Nothing is renamed, and a file is only deleted by its own run or
 * by the holder of a higher generation, so the highest generation never goes down and no run
 * can remove a lock that may be fresh.
 *
 * <p>Why a folder of generations and not one file: taking over one file means replacing it, and
 * replace-if-still-stale is not one atomic step anywhere (the old takeover renamed whatever file
 * was there, sometimes the winner's). Why the heartbeat in the content: object stores have no
 * settable file time, and a rewrite there is one whole-object PUT. Why release leaves a
 * tombstone ({@code released: true}) instead of deleting: were the highest file deleted, a run
 * holding a stale view could create N+1 while another, seeing an empty folder, created 1.
 *
 * <p>Dangers. A holder whose heartbeat stalls past {@link #STALE_AFTER} (a long pause, storage
 * unreachable) may be taken over; it notices on its next beat and {@link #verifyHeld} then
 * refuses to publish, but a pause between that check and the commit cannot be excluded without
 * fencing in the store. Clocks of the hosts must agree within minutes. On object stores the
 * create must be conditional (If-None-Match); see docs/operations.md.
 */
public final class WarehouseLock implements AutoCloseable {
  /** A heartbeat older than this means the holder is gone, whatever its host and pid. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  static final Duration HEARTBEAT = Duration.ofSeconds(30);

  private static final String FOLDER = "_lock";

  private final LockFolder folder;
  private final Clock clock;
  private final ScheduledExecutorService heartbeat;
  /** This run's record as last written; guarded by this. */
  private LockRecord record;
  /** Why this run no longer holds the lock, or null while it does; guarded by this. */
  private String lost;

  private WarehouseLock(LockFolder folder, Clock clock, LockRecord record, Duration beatEvery) {
    this.folder = folder;
    this.clock = clock;
    this.record = record;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "warehouse-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long every = beatEvery.toMillis();
    heartbeat.scheduleWithFixedDelay(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock of {@code warehouseRoot}.
   *
   * @throws LockHeldException when a live run holds it, or another run took it at the same time
   */
  public static WarehouseLock acquire(Path warehouseRoot, String runId, Configuration conf)
      throws IOException {
    return acquire(warehouseRoot, runId, conf, Clock.systemUTC(), LockHolder.current(), HEARTBEAT);
  }

  /** As {@link #acquire(Path, String, Configuration)}, with the time and identity given. */
  static WarehouseLock acquire(
      Path warehouseRoot,
      String runId,
      Configuration conf,
      Clock clock,
      LockHolder self,
      Duration beatEvery)
      throws IOException {
    FileSystem fs = warehouseRoot.getFileSystem(conf);
    Path path = new Path(warehouseRoot, FOLDER);
    LegacyLockFile.retireIfDead(fs, path, clock);
    LockFolder folder = new LockFolder(fs, path);
    long highest = folder.highest();
    if (highest > 0) {
      refuseIfHeld(folder, highest, self, clock);
    }
    long generation = highest + 1;
    Instant now = clock.instant();
    LockRecord mine = new LockRecord(runId, self, generation, now, now, false);
    if (!folder.create(generation, mine.toJson())) {
      throw new LockHeldException(
          "Cannot run: another run took the warehouse lock first (" + folder.file(generation) + ")");
    }
    if (folder.highest() > generation) {
      // A stale view recreated a generation a newer holder had cleaned: ours, so ours to remove.
      folder.delete(generation);
      throw new LockHeldException(
          "Cannot run: another run holds the warehouse lock (a newer generation than "
              + folder.file(generation) + ")");
    }
    for (long older : folder.generations()) {
      if (older < generation) {
        folder.delete(older);
      }
    }
    return new WarehouseLock(folder, clock, mine, beatEvery);
  }

  /** Throws unless generation {@code highest} is released, stale, or its process is gone. */
  private static void refuseIfHeld(LockFolder folder, long highest, LockHolder self, Clock clock)
      throws IOException {
    Path file = folder.file(highest);
    Optional<byte[]> content = folder.read(highest);
    if (content.isEmpty()) {
      throw new LockHeldException(
          "Cannot run: another run is taking over the warehouse lock (" + file + ")");
    }
    Optional<LockRecord> holder = LockRecord.parse(content.get());
    if (holder.isEmpty()) {
      // Still being written (or damaged): only its file time can tell how old it is.
      Instant modified = folder.modified(highest).orElse(clock.instant());
      if (!isStale(modified, clock)) {
        throw new LockHeldException(
            "Cannot run: another run holds the warehouse lock (being written; " + file + ")");
      }
      return;
    }
    LockRecord found = holder.get();
    if (!found.released() && !isStale(found.heartbeatAt(), clock) && !self.seesGone(found.holder())) {
      throw new LockHeldException(
          "Cannot run: another run holds the warehouse lock (" + found.describe() + "; " + file + ")");
    }
  }

  private static boolean isStale(Instant heartbeat, Clock clock) {
    return heartbeat.plus(STALE_AFTER).isBefore(clock.instant());
  }

  /**
   * Rewrites this run's heartbeat, unless the lock was lost: a higher generation exists, this
   * run's file is gone, or the last heartbeat written is older than {@link #STALE_AFTER} (others
   * may be taking over right now). A lost lock is never written again.
   */
  synchronized void beat() throws IOException {
    if (lost != null) {
      return;
    }
    long highest = folder.highest();
    Instant now = clock.instant();
    if (highest > record.generation()) {
      lost = "generation " + highest + " took it over";
    } else if (highest < record.generation()) {
      lost = folder.file(record.generation()) + " was removed";
    } else if (isStale(record.heartbeatAt(), clock)) {
      lost = "its heartbeat stalled since " + record.heartbeatAt();
    } else {
      LockRecord next = record.beat(now);
      folder.rewriteOwn(next.generation(), next.runId(), next.toJson());
      record = next;
    }
  }

  private void beatQuietly() {
    try {
      beat();
    } catch (IOException | RuntimeException e) {
      // A missed beat only matters after STALE_AFTER, and beat() itself notices that.
    }
  }

  /**
   * Call right before committing a publish: beats, and throws when this run no longer holds the
   * lock, so that a run taken over never publishes over its successor's work.
   *
   * @throws LockHeldException when the lock was lost (exit 5; nothing was published)
   * @throws UncheckedIOException when the lock cannot be read (then nothing is published either)
   */
  public void verifyHeld() {
    synchronized (this) {
      try {
        beat();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot publish: cannot check the warehouse lock (" + folder.folder() + ")", e);
      }
      if (lost != null) {
        throw new LockHeldException(
            "Cannot publish: this run lost the warehouse lock (" + lost + "); nothing was"
                + " published, run again");
      }
    }
  }

  /**
   * Gives the lock back: marks this run's generation released, or deletes it when a higher one
   * exists (then it is dead anyway). Never touches another generation.
   */
  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    synchronized (this) {
      if (folder.highest() > record.generation()) {
        folder.delete(record.generation());
      } else {
        folder.rewriteOwn(
            record.generation(), record.runId(), record.release(clock.instant()).toJson());
      }
    }
  }
}
