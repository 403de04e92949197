package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per warehouse; a lock left by a dead process is taken over. */
class WarehouseLockTest {
  @TempDir Path dir;

  private org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  private void writeLock(String host, long pid) throws IOException {
    Files.writeString(
        dir.resolve("_lock"),
        "run_id=other\nhost=" + host + "\npid=" + pid + "\nstarted_at=2026-01-01T00:00:00Z\n");
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
    try (WarehouseLock first = WarehouseLock.acquire(root(), "run-1", new Configuration())) {
      LockHeldException refused =
          assertThrows(
              LockHeldException.class,
              () -> WarehouseLock.acquire(root(), "run-2", new Configuration()));
      assertTrue(refused.getMessage().contains("run run-1"), refused.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("_lock")), "released on close");
    WarehouseLock.acquire(root(), "run-3", new Configuration()).close();
  }

  @Test
  void aLockOfADeadProcessOnThisHostIsTakenOver() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    writeLock(InetAddress.getLocalHost().getHostName(), finished.pid());
    try (WarehouseLock lock = WarehouseLock.acquire(root(), "run-4", new Configuration())) {
      assertTrue(Files.readString(dir.resolve("_lock")).contains("run_id=run-4"));
    }
  }

  @Test
  void aLiveProcessOnThisHostKeepsItsLock() throws IOException {
    writeLock(InetAddress.getLocalHost().getHostName(), ProcessHandle.current().pid());
    assertThrows(
        LockHeldException.class, () -> WarehouseLock.acquire(root(), "run-5", new Configuration()));
  }

  @Test
  void anotherHostsLockCountsAsDeadOnlyWhenItsHeartbeatIsOld() throws IOException {
    writeLock("some-other-host.example", 42);
    assertThrows(
        LockHeldException.class, () -> WarehouseLock.acquire(root(), "run-6", new Configuration()));
    Files.setLastModifiedTime(
        dir.resolve("_lock"),
        FileTime.from(Instant.now().minus(WarehouseLock.STALE_AFTER).minusSeconds(60)));
    WarehouseLock.acquire(root(), "run-7", new Configuration()).close();
  }
}
