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
import com.channelexpansion.testing.SmallSamples;
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
    return run(samples.resolve("exports"), config, warehouse, command);
  }

  private static Outcome run(Path input, Path config, Path warehouse, String... command) {
    return run(input, samples.resolve("reference"), config, warehouse, dir.resolve("reports"), command);
  }

  private static Outcome run(
      Path input, Path reference, Path config, Path warehouse, Path reports, String... command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args =
        Stream.concat(
                Stream.of(command),
                Stream.of(
                    "--input", input.toString(),
                    "--reference", reference.toString(),
                    "--config", config.toString(),
                    "--warehouse", warehouse.toString(),
                    "--reports", reports.toString(),
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
    assertFalse(outcome.err().isEmpty());
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertOneLine(outcome.err(), "commission-plans.csv line 3");
    assertFalse(Files.exists(warehouse), "nothing written before the definitions are checked");
  }

  @Test
  void aSecondRunWhileOneHoldsTheLockExitsFive() throws IOException {
    Path warehouse = dir.resolve("wh-locked");
    Files.createDirectories(warehouse);
    // This very JVM is alive: its lock is not stale.
    Files.writeString(
        warehouse.resolve("_lock"),
        "run_id=the-other-run\nhost=" + java.net.InetAddress.getLocalHost().getHostName()
            + "\npid=" + ProcessHandle.current().pid() + "\nstarted_at=2026-11-26T01:00:00Z\n");
    Outcome outcome = run(samples.resolve("config"), warehouse, "nightly");
    assertEquals(ExitCode.LOCK_HELD, outcome.code());
    assertOneLine(outcome.err(), "another run holds the warehouse lock (run the-other-run");
    assertFalse(Files.exists(warehouse.resolve("order_lines")));
  }

  @Test
  void anExportWhoseHeaderCannotBeReadExitsThreeNamingIt() throws IOException {
    Path input = dir.resolve("bad-header-input");
    copyTree(samples.resolve("exports"), input);
    Files.writeString(input.resolve("broken.csv"), "\"order_id,line_number\nA,1\n");
    Path warehouse = dir.resolve("wh-bad-header");
    Outcome outcome = run(input, samples.resolve("config"), warehouse, "ingest");
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertOneLine(outcome.err(), "Cannot read export header: broken.csv line 1");
    assertFalse(Files.exists(warehouse.resolve("order_lines")));
  }

  @Test
  void reportWithoutAWarehouseExitsThree() throws IOException {
    Outcome outcome = run(samples.resolve("config"), dir.resolve("no-warehouse"), "report");
    assertEquals(ExitCode.CONFIGURATION, outcome.code());
    assertOneLine(outcome.err(), "run ingest first");
  }

  @Test
  void reportAloneAfterAnOwnerChangeExitsThreeAndTheNightlyRecreditsFirst() throws IOException {
    Path warehouse = dir.resolve("wh-recredit");
    assertEquals(ExitCode.SUCCESS, run(samples.resolve("config"), warehouse, "ingest").code());
    Path reference = dir.resolve("reference-new-owner");
    copyTree(samples.resolve("reference"), reference);
    Path accounts = reference.resolve("accounts.csv");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(accounts));
    String[] first = lines.get(1).split(",", -1);
    String header = lines.get(0);
    int owner = java.util.Arrays.asList(header.split(",")).indexOf("owner_rep_id");
    first[owner] = first[owner].equals("R001") ? "R002" : "R001";
    lines.set(1, String.join(",", first));
    Files.write(accounts, lines);

    // Reports of its own: other tests check that theirs were never published.
    Path reports = dir.resolve("reports-recredit");
    Outcome report =
        run(samples.resolve("exports"), reference, samples.resolve("config"), warehouse, reports, "report");
    assertEquals(ExitCode.CONFIGURATION, report.code());
    assertOneLine(report.err(), "account owners, rep ids or rep aliases changed since the last ingest");
    Outcome nightly =
        run(samples.resolve("exports"), reference, samples.resolve("config"), warehouse, reports, "nightly");
    assertEquals(ExitCode.SUCCESS, nightly.code(), nightly.err());
  }

  @Test
  void qualityGateJudgesTheRowsOfThisRunExitsFourAndLeavesTheWarehouseAsItWas() throws IOException {
    Path input = dir.resolve("gate-input");
    copyTree(samples.resolve("exports"), input);
    Path warehouse = dir.resolve("wh-gate");
    assertEquals(ExitCode.SUCCESS, run(input, samples.resolve("config"), warehouse, "ingest").code());
    Path orderLines = warehouse.resolve("order_lines");
    Path before = dir.resolve("order-lines-before-gate");
    SmallSamples.copyTree(orderLines, before, file -> true);

    // A new file of 4 rows, 2 bad: 0.5 of this run's rows, though far below 0.005 of all rows.
    Files.writeString(
        input.resolve("late-delivery.csv"),
        "order_id,line_number,order_timestamp,customer_id,order_source,quantity,unit_price,currency\n"
            + "LATE1,1,2026-10-30T10:00:00Z,C00001,WEB,1,10,USD\n"
            + "LATE1,2,2026-10-30T10:00:00Z,C00001,WEB,1,10,USD\n"
            + "LATE2,1,2026-10-30T10:00:00Z,C00001,FAX,1,10,USD\n"
            + "LATE3,1,not-a-date,C00001,WEB,1,10,USD\n");
    Outcome outcome = run(input, samples.resolve("config"), warehouse, "nightly");
    assertEquals(ExitCode.DATA_QUALITY_GATE, outcome.code(), outcome.err());
    assertOneLine(outcome.err(), "data-quality gate failed: 2 of 4 rows rejected");
    assertOneLine(
        outcome.err(),
        "; top reasons: invalid_timestamp 1, unknown_order_source 1;"
            + " first rejected: late-delivery.csv line 4"
            + " (order_source: 'FAX' has no channel definition);");
    assertEquals(List.of(), SmallSamples.differences(before, orderLines), "order_lines unchanged");
    try (Stream<Path> failed = Files.list(warehouse.resolve("failed-runs"))) {
      Path run = failed.findFirst().orElseThrow();
      assertEquals(
          2, SharedSpark.get().read().parquet(run.resolve("rejects").toString()).count(),
          "the failed run's rejects are kept");
    }
    assertFalse(Files.exists(dir.resolve("reports/as_of=" + LocalDate.of(2026, 10, 31))), "no report");
  }

  @Test
  void aMissingInputFolderExitsTwoInOneLine() {
    Path warehouse = dir.resolve("wh-no-input");
    Outcome outcome = run(dir.resolve("no-such-input"), samples.resolve("config"), warehouse, "ingest");
    assertEquals(ExitCode.USAGE, outcome.code(), outcome.err());
    assertOneLine(outcome.err(), "--input " + dir.resolve("no-such-input") + " does not exist");
    assertFalse(Files.exists(warehouse), "nothing written for a wrong command line");
  }

  @Test
  void aWarehouseThatIsAFileExitsTwoInOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("warehouse-file"), "not a folder");
    Outcome outcome = run(samples.resolve("config"), file, "nightly");
    assertEquals(ExitCode.USAGE, outcome.code(), outcome.err());
    assertOneLine(outcome.err(), "--warehouse " + file + " is not a folder");
  }

  @Test
  void usageErrorsPrintOneChannelExpansionLineThatPointsToHelp() {
    for (String[] args :
        List.of(
            new String[] {"nightly", "--frobnicate"},
            new String[] {"resync"},
            new String[] {"report", "--as-of", "31/10/2026"},
            new String[] {})) {
      StringWriter err = new StringWriter();
      int code =
          ChannelExpansion.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
      assertEquals(ExitCode.USAGE, code, err.toString());
      assertOneLine(err.toString(), "--help");
    }
  }

  @Test
  void aReadOnlyReportsFolderExitsThreeInOneLineNamingIt() throws IOException {
    Path reports = readOnlyFolder();
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err, true),
            "nightly", "--input", samples.resolve("exports").toString(),
            "--reference", samples.resolve("reference").toString(),
            "--config", samples.resolve("config").toString(),
            "--warehouse", dir.resolve("wh-read-only-reports").toString(),
            "--reports", reports.toString(), "--as-of", "2026-10-31");
    assertEquals(ExitCode.CONFIGURATION, code, err.toString());
    assertOneLine(err.toString(), "Cannot write to the --reports folder " + reports);
    assertFalse(
        Files.exists(dir.resolve("wh-read-only-reports/order_lines")), "stopped before ingesting");
  }

  /**
   * A folder this process cannot write: a read-only temporary folder, or, when running as root
   * (which writes anyway), /sys, which even root cannot write files in.
   */
  private static Path readOnlyFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("read-only"));
    folder.toFile().setWritable(false, false);
    for (Path candidate : List.of(folder, Path.of("/sys"))) {
      try {
        Files.delete(Files.createFile(candidate.resolve("probe")));
      } catch (IOException notWritable) {
        return candidate;
      }
    }
    org.junit.jupiter.api.Assumptions.abort("no folder this process cannot write");
    return null;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
