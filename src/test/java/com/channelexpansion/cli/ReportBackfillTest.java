package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.testing.CommandLine;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.testing.TableContents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backfill of past as-of dates gives, date by date, what single runs give, in any order. */
class ReportBackfillTest {
  @TempDir static Path dir;
  private static Path samples;
  private static Path warehouse;

  @BeforeAll
  static void ingest() {
    SharedSpark.get();
    samples = SmallSamples.generate(dir.resolve("samples"));
    warehouse = dir.resolve("warehouse");
    run("ingest", "--reports", dir.resolve("unused").toString());
  }

  private static void run(String command, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--input", samples.resolve("exports").toString(),
                "--reference", samples.resolve("reference").toString(),
                "--config", samples.resolve("config").toString(),
                "--warehouse", warehouse.toString()));
    args.addAll(List.of(more));
    CommandLine.succeed(args);
  }

  @Test
  void rangeEqualsSingleDatesRunInReverseOrder() throws IOException {
    Path range = dir.resolve("range");
    // Two dates across a month's end: the range's second report starts from its first, the
    // single runs go backwards (each from every line, a later report being no starting point).
    run("report", "--reports", range.toString(), "--from", "2026-10-31", "--to", "2026-11-01");
    Path single = dir.resolve("single");
    for (String asOf : List.of("2026-11-01", "2026-10-31")) {
      run("report", "--reports", single.toString(), "--as-of", asOf);
    }
    assertEquals(
        List.of("as_of=2026-10-31", "as_of=2026-11-01"),
        SmallSamples.files(range, "x").stream().map(f -> f.substring(0, f.indexOf('/'))).distinct().toList());
    assertEquals(List.of(), TableContents.differences(range, single, "manifest.json"));
  }
}
