package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many runs racing to take over one stale (or released, or absent) lock through the real file
 * system: exactly one wins each round, the losers exit 5, and nobody removes the winner's file.
 * The old takeover renamed whatever lock file it found and let two runs win 48 times in 2,000.
 */
class WarehouseLockConcurrencyTest {
  private static final int ROUNDS = 200;
  private static final int CONTENDERS = 8;

  /** One configuration for all: building one reads Hadoop's default resources each time. */
  private static final Configuration CONF = new Configuration();

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T01:00:00Z"));

  @Test
  void exactlyOneOfManyConcurrentTakeoversWins() throws Exception {
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir.toUri());
    LockHolder self = LockHolder.current();
    ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    CyclicBarrier start = new CyclicBarrier(CONTENDERS);
    List<WarehouseLock> winners = new ArrayList<>();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        if (round % 3 == 0 && !winners.isEmpty()) {
          winners.get(winners.size() - 1).close(); // released; otherwise left to go stale
        }
        clock.advance(WarehouseLock.STALE_AFTER.plusMinutes(1));
        List<Future<WarehouseLock>> tries = new ArrayList<>();
        for (int contender = 0; contender < CONTENDERS; contender++) {
          String runId = "round" + round + "-run" + contender;
          tries.add(pool.submit(() -> contend(start, root, runId, self)));
        }
        List<WarehouseLock> won = new ArrayList<>();
        for (Future<WarehouseLock> attempt : tries) {
          if (attempt.get() != null) {
            won.add(attempt.get());
          }
        }
        assertEquals(1, won.size(), "winners of round " + round);
        winners.add(won.get(0));
        assertOnlyTheWinnersFile(round + 1, "round" + round + "-run");
      }
    } finally {
      pool.shutdownNow();
      for (WarehouseLock winner : winners) {
        winner.close();
      }
    }
  }

  /** The lock, or null when this contender lost (exit 5); any other failure fails the test. */
  private WarehouseLock contend(
      CyclicBarrier start, org.apache.hadoop.fs.Path root, String runId, LockHolder self)
      throws Exception {
    start.await();
    try {
      return WarehouseLock.acquire(
          root, runId, CONF, clock, self, Duration.ofDays(1));
    } catch (LockHeldException lost) {
      return null;
    }
  }

  private void assertOnlyTheWinnersFile(long generation, String runPrefix) throws IOException {
    String name = String.format("lock-%010d.json", generation);
    try (Stream<Path> files = Files.list(dir.resolve("_lock"))) {
      assertEquals(List.of(name), files.map(f -> f.getFileName().toString()).toList());
    }
    String content = Files.readString(dir.resolve("_lock").resolve(name));
    assertTrue(content.contains("\"run_id\" : \"" + runPrefix), content);
    assertTrue(content.contains("\"released\" : false"), content);
  }
}
