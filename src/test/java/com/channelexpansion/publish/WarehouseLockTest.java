package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per warehouse: a stale lock is judged by the heartbeat in its content on every
 * host, a pid alone is never trusted, and no run removes another run's lock.
 */
class WarehouseLockTest {
  private static final Duration NO_BACKGROUND_BEATS = Duration.ofDays(1);
  private static final Duration STALE = WarehouseLock.STALE_AFTER.plusMinutes(1);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T01:00:00Z"));

  private org.apache.hadoop.fs.Path root() {
    return new org.apache.hadoop.fs.Path(dir.toUri());
  }

  private Path lockFile(long generation) {
    return dir.resolve("_lock").resolve(String.format("lock-%010d.json", generation));
  }

  private WarehouseLock acquire(String runId) throws IOException {
    return WarehouseLock.acquire(
        root(), runId, new Configuration(), clock, LockHolder.current(), NO_BACKGROUND_BEATS);
  }

  /** Writes generation 1 as another run would have, with its heartbeat at {@code heartbeat}. */
  private void writeLock(LockHolder holder, Instant heartbeat) throws IOException {
    Files.createDirectories(dir.resolve("_lock"));
    Files.write(
        lockFile(1),
        new LockRecord("other", holder, 1, heartbeat, heartbeat, false).toJson());
  }

  private List<String> lockFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("_lock"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
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
    assertTrue(Files.readString(lockFile(1)).contains("\"released\" : true"), "a tombstone");
    WarehouseLock.acquire(root(), "run-3", new Configuration()).close();
    assertEquals(List.of("lock-0000000002.json"), lockFiles(), "older generations cleaned");
  }

  @Test
  void aStaleLockOfALiveProcessOnThisHostIsTakenOverWhenItsHeartbeatIsOld() throws IOException {
    // The holder's pid is alive (this very JVM) on this host: its heartbeat alone decides.
    writeLock(LockHolder.current(), clock.instant());
    assertThrows(LockHeldException.class, () -> acquire("run-fresh"));
    clock.advance(STALE);
    try (WarehouseLock lock = acquire("run-takeover")) {
      assertTrue(Files.readString(lockFile(2)).contains("\"run_id\" : \"run-takeover\""));
    }
  }

  @Test
  void aContainersPidOneWithTheSameHostNameIsJudgedByItsHeartbeat() throws IOException {
    LockHolder self = LockHolder.current();
    writeLock(new LockHolder(self.host(), 1, null, "another-boot/pid:[1]"), clock.instant());
    assertThrows(LockHeldException.class, () -> acquire("run-fresh"));
    clock.advance(STALE);
    acquire("run-takeover").close();
  }

  @Test
  void aFreshLockOnAnotherHostIsRespected() throws IOException {
    writeLock(new LockHolder("some-other-host.example", 42, null, "x/pid:[1]"), clock.instant());
    byte[] before = Files.readAllBytes(lockFile(1));
    clock.advance(WarehouseLock.STALE_AFTER.minusMinutes(1));
    LockHeldException refused = assertThrows(LockHeldException.class, () -> acquire("run-5"));
    assertTrue(refused.getMessage().contains("run other, pid 42 on some-other-host.example"));
    assertArrayEquals(before, Files.readAllBytes(lockFile(1)), "left as it was");
    assertEquals(List.of("lock-0000000001.json"), lockFiles());
  }

  @Test
  void aLockOfADeadProcessOnThisHostIsTakenOverAtOnce() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    LockHolder self = LockHolder.current();
    writeLock(new LockHolder(self.host(), finished.pid(), null, self.scope()), clock.instant());
    acquire("run-after-crash").close();
  }

  @Test
  void aPidReusedByAnotherProcessIsNotTrusted() throws IOException {
    LockHolder self = LockHolder.current();
    Instant otherStart = Instant.parse("2001-01-01T00:00:00Z");
    writeLock(new LockHolder(self.host(), self.pid(), otherStart, self.scope()), clock.instant());
    acquire("run-after-reuse").close();
  }

  @Test
  void aHeartbeatKeepsALongRunsLockFresh() throws IOException {
    try (WarehouseLock longRun = acquire("long-run")) {
      for (int beat = 0; beat < 6; beat++) {
        clock.advance(WarehouseLock.STALE_AFTER.minusMinutes(1));
        longRun.beat();
        assertThrows(LockHeldException.class, () -> acquire("impatient"));
      }
      assertTrue(Files.readString(lockFile(1)).contains(clock.instant().toString()));
      longRun.verifyHeld();
    }
  }

  @Test
  void aRunTakenOverNeverWritesAgainAndMayNotPublish() throws IOException {
    WarehouseLock stalled = acquire("stalled");
    clock.advance(STALE);
    try (WarehouseLock successor = acquire("successor")) {
      byte[] successors = Files.readAllBytes(lockFile(2));
      stalled.beat();
      LockHeldException refused = assertThrows(LockHeldException.class, stalled::verifyHeld);
      assertTrue(refused.getMessage().contains("generation 2 took it over"), refused.getMessage());
      stalled.close();
      assertArrayEquals(successors, Files.readAllBytes(lockFile(2)), "the successor's, untouched");
      assertEquals(List.of("lock-0000000002.json"), lockFiles(), "release removed only its own");
      successor.verifyHeld();
    }
  }

  @Test
  void aRunWhoseHeartbeatStalledGivesUpEvenWhenNobodyTookOver() throws IOException {
    try (WarehouseLock stalled = acquire("stalled")) {
      clock.advance(STALE);
      assertThrows(LockHeldException.class, stalled::verifyHeld);
    }
  }

  @Test
  void aLockBeingWrittenIsRespectedUntilItsFileTimeIsOld() throws IOException {
    Files.createDirectories(dir.resolve("_lock"));
    Files.write(lockFile(1), new byte[0]);
    Files.setLastModifiedTime(lockFile(1), FileTime.from(clock.instant()));
    assertThrows(LockHeldException.class, () -> acquire("run-early"));
    clock.advance(STALE);
    acquire("run-late").close();
  }

  @Test
  void anOldFormatLockFileIsRespectedWhileFreshAndRetiredWhenOld() throws IOException {
    Path old = dir.resolve("_lock");
    Files.writeString(old, "run_id=old-run\nhost=h\npid=7\nstarted_at=2026-01-01T00:00:00Z\n");
    Files.setLastModifiedTime(old, FileTime.from(clock.instant()));
    LockHeldException refused = assertThrows(LockHeldException.class, () -> acquire("run-new"));
    assertTrue(refused.getMessage().contains("run old-run, pid 7 on h"), refused.getMessage());
    clock.advance(STALE);
    acquire("run-new").close();
    assertTrue(Files.isDirectory(old));
    assertFalse(Files.readString(lockFile(1)).contains("old-run"));
  }
}
