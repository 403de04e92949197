package com.channelexpansion.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock of versions before the generation folder: one file named {@code _lock}, at the very
 * path the folder now takes, whose heartbeat was its modification time.
 *
 * <p>Why the same name: one path for operators to know, and a leftover file cannot linger beside
 * the folder unnoticed. A leftover file is judged by its old heartbeat: touched within {@link
 * WarehouseLock#STALE_AFTER} means an older version's run may be alive (exit 5); older means
 * dead, and the file is deleted so the folder can be made. Danger: an older version does not
 * know the folder (it would move it aside as a dead lock); upgrade between runs and never
 * schedule an older version against an upgraded warehouse (docs/operations.md).
 */
final class LegacyLockFile {
  private LegacyLockFile() {}

  /** Removes a dead old-format lock file at {@code path}; does nothing when there is none. */
  static void retireIfDead(FileSystem fs, Path path, Clock clock) throws IOException {
    FileStatus status;
    try {
      status = fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return;
    }
    if (status.isDirectory()) {
      return;
    }
    Instant touched = Instant.ofEpochMilli(status.getModificationTime());
    if (touched.plus(WarehouseLock.STALE_AFTER).isAfter(clock.instant())) {
      throw new LockHeldException(
          String.format(
              "Cannot run: another run holds the warehouse lock (%s; old-format lock, touched %s; %s)",
              holderOf(fs, path), touched, path));
    }
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      // Another new run retired it first and made the folder there: nothing left to do.
      if (!fs.getFileStatus(path).isDirectory()) {
        throw e;
      }
    }
  }

  private static String holderOf(FileSystem fs, Path path) throws IOException {
    String runId = "?";
    String pid = "?";
    String host = "?";
    try (InputStream in = fs.open(path)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("run_id=")) {
          runId = line.substring("run_id=".length());
        } else if (line.startsWith("pid=")) {
          pid = line.substring("pid=".length());
        } else if (line.startsWith("host=")) {
          host = line.substring("host=".length());
        }
      }
    } catch (FileNotFoundException e) {
      // Gone meanwhile: the message keeps the question marks.
    }
    return String.format("run %s, pid %s on %s", runId, pid, host);
  }
}
