package com.channelexpansion.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a class in a new JVM with the module options Spark needs (taken from this test JVM),
 * for tests that kill a run or start a Spark cluster. Output goes to a log file.
 */
public final class ChildJvm {
  /**
   * Test children run small inputs once, from cold: on 2 cores the C2 compiler's threads cost
   * more than its faster code pays back (the data-samples nightly: 53.5 s with C1 alone, 60-67 s
   * with both tiers). Without tiers the JVM reserves only 48 MB for compiled code, which a Spark
   * nightly fills ("CodeCache is full", then a VirtualMachineError in a task), so the cache keeps
   * the tiered size. Tests that start a JVM another way (the launcher, a cluster's executors)
   * pass these too, joined by spaces.
   */
  public static final List<String> C1_ONLY = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

  private ChildJvm() {}

  public static Process start(
      String classpath, List<String> jvmOptions, Map<String, String> env, Path log,
      String mainClass, List<String> args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("--add-opens") || option.startsWith("-XX:+IgnoreUnrecognized")
          || option.startsWith("-Dio.netty")) {
        cmd.add(option);
      }
    }
    cmd.add("-Xmx1g");
    // A child's own options come after and may override it.
    cmd.addAll(C1_ONLY);
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(env);
    return builder.start();
  }
}
