package com.channelexpansion.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per warehouse: a lock file created with create-if-absent, which local file systems
 * and HDFS make atomic. The file names its holder (host, pid, run id, start time); while the run
 * lasts a heartbeat refreshes its modification time.
 *
 * <p>A lock whose holder is dead is taken over: on the same host when the process no longer
 * exists, on another host when the heartbeat is older than {@link #STALE_AFTER}. The takeover
 * renames the dead lock aside first, so of two runs that both find it dead only one wins.
 * Danger: on object stores (s3a) create-if-absent is not atomic; run one scheduler per warehouse
 * there (docs/operations.md).
 */
public final class WarehouseLock implements AutoCloseable {
  /** A heartbeat older than this means the holder on another host is gone. */
  static final Duration STALE_AFTER = Duration.ofMinutes(10);

  private static final Duration HEARTBEAT = Duration.ofSeconds(30);

  private final FileSystem fs;
  private final Path path;
  private final ScheduledExecutorService heartbeat;

  private WarehouseLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "warehouse-lock-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    heartbeat.scheduleAtFixedRate(
        this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Takes the lock of {@code warehouseRoot}.
   *
   * @throws LockHeldException when a live run holds it
   */
  public static WarehouseLock acquire(Path warehouseRoot, String runId, Configuration conf)
      throws IOException {
    FileSystem fs = warehouseRoot.getFileSystem(conf);
    fs.mkdirs(warehouseRoot);
    Path path = new Path(warehouseRoot, "_lock");
    if (tryCreate(fs, path, runId)) {
      return new WarehouseLock(fs, path);
    }
    Map<String, String> holder = readHolder(fs, path);
    if (holder != null && !isDead(fs, path, holder)) {
      throw new LockHeldException(
          String.format(
              "Cannot run: another run holds the warehouse lock (run %s, pid %s on %s, since %s; %s)",
              holder.get("run_id"), holder.get("pid"), holder.get("host"), holder.get("started_at"), path));
    }
    // The holder is dead (or the file vanished meanwhile): move it aside, then compete again.
    Path aside = new Path(warehouseRoot, "_lock.dead-" + runId);
    if (fs.exists(path) && !fs.rename(path, aside)) {
      throw new LockHeldException("Cannot run: another run is taking over the warehouse lock (" + path + ")");
    }
    fs.delete(aside, false);
    if (!tryCreate(fs, path, runId)) {
      throw new LockHeldException("Cannot run: another run took the warehouse lock first (" + path + ")");
    }
    return new WarehouseLock(fs, path);
  }

  private static boolean tryCreate(FileSystem fs, Path path, String runId) throws IOException {
    byte[] holder = describeThisProcess(runId).getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      // Hadoop's local create checks, then creates: not atomic. O_EXCL through java.nio is.
      try {
        java.nio.file.Files.write(
            java.nio.file.Path.of(fs.makeQualified(path).toUri()),
            holder,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(holder);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static String describeThisProcess(String runId) throws IOException {
    Map<String, String> holder = new LinkedHashMap<>();
    holder.put("run_id", runId);
    holder.put("host", InetAddress.getLocalHost().getHostName());
    holder.put("pid", Long.toString(ProcessHandle.current().pid()));
    holder.put("started_at", Instant.now().toString());
    StringBuilder text = new StringBuilder();
    holder.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return text.toString();
  }

  private static Map<String, String> readHolder(FileSystem fs, Path path) throws IOException {
    try (var in = fs.open(path)) {
      Map<String, String> holder = new LinkedHashMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          holder.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return holder;
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static boolean isDead(FileSystem fs, Path path, Map<String, String> holder) throws IOException {
    String thisHost = InetAddress.getLocalHost().getHostName();
    if (thisHost.equals(holder.get("host"))) {
      try {
        long pid = Long.parseLong(holder.getOrDefault("pid", "-1"));
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
      } catch (NumberFormatException e) {
        return true;
      }
    }
    FileStatus status = fs.getFileStatus(path);
    return Instant.ofEpochMilli(status.getModificationTime()).plus(STALE_AFTER).isBefore(Instant.now());
  }

  private void beat() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      // A missed beat only matters after STALE_AFTER; the next one retries.
    }
  }

  @Override
  public void close() throws IOException {
    heartbeat.shutdownNow();
    fs.delete(path, false);
  }
}
