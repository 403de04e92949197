package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.ChildJvm;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.testing.TableContents;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nightly} through a real Spark standalone cluster (a master and a worker on 127.0.0.1,
 * started from the Maven classpath) writes outputs equal in content to the local run's: every
 * table the same schema and rows (executors name and split part files their own way), every
 * other file the same bytes.
 * Runs after {@code package}: the executors load the job from its jar.
 */
class StandaloneClusterIT {
  private static final String AS_OF = "2026-10-31";

  @TempDir static Path dir;
  private static final List<Process> cluster = new ArrayList<>();
  private static String classpath;
  private static int masterPort;
  private static Path samples;

  @BeforeAll
  static void startCluster() throws Exception {
    Path target = Path.of("target");
    classpath =
        target.resolve("channel-expansion.jar").toAbsolutePath()
            + ":"
            + Files.readString(target.resolve("classpath.txt")).trim();
    samples = SmallSamples.generate(dir.resolve("samples"));
    // The worker insists on a Spark home; an empty jars/ folder is enough when executors get
    // their classpath from spark.executor.extraClassPath.
    Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));
    masterPort = freePort();
    int masterUi = freePort();
    Path masterLog = dir.resolve("master.log");
    cluster.add(
        start(
            masterLog,
            Map.of(),
            "org.apache.spark.deploy.master.Master",
            "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
            "--webui-port", String.valueOf(masterUi)));
    cluster.add(
        start(
            dir.resolve("worker.log"),
            Map.of("SPARK_HOME", sparkHome.getParent().toString(), "SPARK_SCALA_VERSION", "2.13",
                "SPARK_WORKER_DIR", Files.createDirectories(dir.resolve("work")).toString()),
            "org.apache.spark.deploy.worker.Worker",
            "--host", "127.0.0.1", "--webui-port", String.valueOf(freePort()),
            "--cores", "2", "--memory", "2g", "spark://127.0.0.1:" + masterPort));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    // The master's status page says how many workers are alive (its log is at WARN here).
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest status =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + masterUi + "/json/")).build();
    while (true) {
      try {
        String body = http.send(status, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        if (body.replace(" ", "").contains("\"aliveworkers\":1")) {
          break;
        }
      } catch (IOException notUpYet) {
        // the master is still starting
      }
      assertTrue(
          System.nanoTime() < deadline,
          "the worker registers with the master: " + Files.readString(masterLog)
              + Files.readString(dir.resolve("worker.log")));
      Thread.sleep(500);
    }
  }

  @AfterAll
  static void stopCluster() {
    cluster.forEach(Process::destroyForcibly);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Process start(Path log, Map<String, String> env, String mainClass, String... args)
      throws IOException {
    return ChildJvm.start(classpath, List.of(), env, log, mainClass, List.of(args));
  }

  private static void nightly(String name, String master, String... systemProperties) throws Exception {
    Path log = dir.resolve(name + ".log");
    Process process =
        ChildJvm.start(
            classpath,
            List.of(systemProperties),
            Map.of(),
            log,
            ChannelExpansion.class.getName(),
            List.of(
                "nightly",
                "--input", samples.resolve("exports").toString(),
                "--reference", samples.resolve("reference").toString(),
                "--config", samples.resolve("config").toString(),
                "--warehouse", dir.resolve(name + "/warehouse").toString(),
                "--reports", dir.resolve(name + "/reports").toString(),
                "--as-of", AS_OF,
                "--master", master));
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " finishes");
    assertEquals(0, process.exitValue(), name + " run:\n" + Files.readString(log));
  }

  @Test
  void nightlyOnTheClusterEqualsTheLocalRun() throws Exception {
    nightly("local", "local[2]");
    nightly(
        "cluster",
        "spark://127.0.0.1:" + masterPort,
        "-Dspark.executor.extraClassPath=" + classpath,
        "-Dspark.executor.memory=1g",
        "-Dspark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.C1_ONLY),
        "-Dspark.driver.host=127.0.0.1");
    assertTrue(
        Files.list(dir.resolve("work")).findAny().isPresent(), "the worker ran executors for the job");
    for (String table : List.of("order_lines", "rejects")) {
      assertEquals(
          List.of(),
          TableContents.differences(
              dir.resolve("local/warehouse").resolve(table), dir.resolve("cluster/warehouse").resolve(table)),
          table);
    }
    assertEquals(
        List.of(),
        TableContents.differences(
            dir.resolve("local/reports/as_of=" + AS_OF),
            dir.resolve("cluster/reports/as_of=" + AS_OF),
            "manifest.json", "state.json"));
  }
}
