package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.samples.GeneratorOptions;
import com.channelexpansion.samples.SampleDataGenerator;
import com.channelexpansion.testing.SharedSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure ends with its documented exit code and one line on stderr saying why. */
class ExitCodesTest {
  @TempDir static Path dir;
  private static Path samples;

  /** A small generated input set (4,000 lines, every reject kind planted). */
  @BeforeAll
  static void generate() throws IOException {
    SharedSpark.get();
    samples = dir.resolve("samples");
    SampleDataGenerator.generate(
        new GeneratorOptions(samples, 4000, GeneratorOptions.DEFAULT_SEED, GeneratorOptions.DEFAULT_END_DATE));
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(Path config, Path warehouse, String... command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args =
        Stream.concat(
                Stream.of(command),
                Stream.of(
                    "--input", samples.resolve("exports").toString(),
                    "--reference", samples.resolve("reference").toString(),
                    "--config", config.toString(),
                    "--warehouse", warehouse.toString(),
                    "--reports", dir.resolve("reports").toString(),
                    "--as-of", "2026-10-31"))
            .toArray(String[]::new);
    int code = ChannelExpansion.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static Path configWith(String file, String content) throws IOException {
    Path config = Files.createTempDirectory(dir, "config");
    try (Stream<Path> files = Files.list(samples.resolve("config"))) {
      for (Path f : files.toList()) {
        Files.copy(f, config.resolve(f.getFileName()));
      }
    }
    Files.writeString(config.resolve(file), content);
    return config;
  }

  private static void assertOneLine(String err, String expectedPart) {
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), "one line on stderr: " + err);
    assertTrue(lines.get(0).startsWith("channel-expansion: "), err);
    assertTrue(lines.get(0).contains(expectedPart), "expected '" + expectedPart + "' in: " + err);
  }

  @Test
  void badUsageExitsTwo() {
    StringWriter err = new StringWriter();
    assertEquals(
        ExitCode.USAGE,
        ChannelExpansion.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "resync"));
    assertEquals(
        ExitCode.USAGE,
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err), "report", "--as-of", "31/10/2026"));
    assertEquals(
        ExitCode.USAGE,
        ChannelExpansion.execute(new PrintWriter(new StringWriter()), new PrintWriter(err)));
  }

  @Test
  void badDefinitionExitsThreeBeforeReadingData() throws IOException {
    Path config =
        configWith(
            "commission-plans.csv",
            "plan_id,effective_from,effective_to,order_channel,segment,rate,counts_toward_quota\n"
                + "current,,,SALES_ASSISTED,*,0.05,true\n"
                + "current,,,ONLINE,*,-0.01,false\n");
    Path warehouse = dir.resolve("wh-config");
    Outcome outcome = run(config, warehouse, "nightly");
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertOneLine(outcome.err(), "commission-plans.csv line 3");
    assertFalse(Files.exists(warehouse), "nothing written before the definitions are checked");
  }

  @Test
  void reportWithoutAWarehouseExitsThree() throws IOException {
    Outcome outcome = run(samples.resolve("config"), dir.resolve("no-warehouse"), "report");
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertOneLine(outcome.err(), "run ingest first");
  }

  @Test
  void qualityGateExitsFourAndLeavesThePublishedWarehouseAsItWas() throws IOException {
    Path warehouse = dir.resolve("wh-gate");
    assertEquals(ExitCode.SUCCESS, run(samples.resolve("config"), warehouse, "ingest").code());
    Path orderLines = warehouse.resolve("order_lines/part-00000.snappy.parquet");
    byte[] before = Files.readAllBytes(orderLines);
    String settings =
        Files.readString(samples.resolve("config/settings.csv"))
            .replaceAll("max_reject_ratio,[0-9.]+", "max_reject_ratio,0.001");
    Outcome outcome = run(configWith("settings.csv", settings), warehouse, "nightly");
    assertEquals(ExitCode.DATA_QUALITY_GATE, outcome.code());
    assertOneLine(outcome.err(), "data-quality gate failed");
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(orderLines)), "order_lines unchanged");
    try (Stream<Path> failed = Files.list(warehouse.resolve("failed-runs"))) {
      Path run = failed.findFirst().orElseThrow();
      assertTrue(Files.isDirectory(run.resolve("rejects")), "the failed run's rejects are kept");
    }
    assertFalse(Files.exists(dir.resolve("reports/as_of=" + LocalDate.of(2026, 10, 31))), "no report");
  }
}
