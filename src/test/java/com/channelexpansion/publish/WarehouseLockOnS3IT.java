package com.channelexpansion.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.S3ProxyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse lock on an S3 API (S3Proxy through Hadoop's S3A): create-if-absent is a
 * conditional PUT (If-None-Match), so of runs taking the lock at once exactly one holds it. Without
 * the condition S3A checks, then PUTs, and every contender of a round held the lock (seen: 4 of 4).
 */
class WarehouseLockOnS3IT {
  private static final String BUCKET = "lock-test";
  private static final int CONTENDERS = 4;
  private static final int ROUNDS = 6;

  @TempDir static Path dir;
  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(dir.resolve("s3proxy"));
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** A file system of its own, as each run's JVM has. */
  private static FileSystem newFileSystem(Configuration conf) throws Exception {
    return FileSystem.newInstance(new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/").toUri(), conf);
  }

  @Test
  void runsTakingTheLockAtOnceGiveExactlyOneHolder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        org.apache.hadoop.fs.Path warehouse =
            new org.apache.hadoop.fs.Path("s3a://" + BUCKET + "/round-" + round + "/warehouse");
        CyclicBarrier start = new CyclicBarrier(CONTENDERS);
        List<Future<WarehouseLock>> runs = new ArrayList<>();
        for (int run = 0; run < CONTENDERS; run++) {
          runs.add(pool.submit(contender(warehouse, "run-" + round + "-" + run, start)));
        }
        List<WarehouseLock> holders = new ArrayList<>();
        for (Future<WarehouseLock> run : runs) {
          WarehouseLock lock = run.get();
          if (lock != null) {
            holders.add(lock);
          }
        }
        for (WarehouseLock holder : holders) {
          holder.close();
        }
        assertEquals(1, holders.size(), "holders of the lock in round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One run: its own file system, then acquire when all contenders are ready; null if refused. */
  private static Callable<WarehouseLock> contender(
      org.apache.hadoop.fs.Path warehouse, String runId, CyclicBarrier start) {
    return () -> {
      Configuration conf = server.settings().configuration();
      conf.setBoolean("fs.s3a.impl.disable.cache", true);
      newFileSystem(conf).close(); // connects before the race starts
      start.await();
      try {
        return WarehouseLock.acquire(warehouse, runId, conf);
      } catch (LockHeldException refused) {
        return null;
      }
    };
  }
}
