package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.io.Json;
import com.channelexpansion.testing.SharedSpark;
import com.channelexpansion.testing.SmallSamples;
import com.channelexpansion.testing.TableContents;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --as-of-version N}: a past night's report, rebuilt on the data that night saw. */
class ReportAtVersionTest {
  private static final String AS_OF = "2026-10-30";

  @TempDir Path dir;

  @Test
  void aReportAtAnEarlierVersionEqualsTheReportThatVersionGave() throws IOException {
    SharedSpark.get();
    Path samples = SmallSamples.generate(dir.resolve("samples"));
    Path input = dir.resolve("input");
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> !file.startsWith("2026"));
    Path warehouse = dir.resolve("warehouse");
    Path reports = dir.resolve("reports");
    assertEquals(0, run(samples, input, warehouse, reports, "nightly", "--as-of", AS_OF).code);
    long firstNight = orderLinesVersion(warehouse);
    Path then = dir.resolve("then");
    SmallSamples.copyTree(reports.resolve("as_of=" + AS_OF), then, file -> true);

    // Later exports change the data; the date's report is rebuilt on them.
    SmallSamples.copyTree(samples.resolve("exports"), input, file -> file.startsWith("2026"));
    assertEquals(0, run(samples, input, warehouse, reports, "nightly", "--as-of", AS_OF).code);
    assertTrue(orderLinesVersion(warehouse) > firstNight);
    assertTrue(
        !TableContents.differences(then, reports.resolve("as_of=" + AS_OF), "manifest.json", "state.json").isEmpty(),
        "the later data changed the report");

    Outcome past =
        run(samples, input, warehouse, reports, "report", "--as-of", AS_OF, "--as-of-version", String.valueOf(firstNight));
    assertEquals(0, past.code, past.err);
    assertEquals(
        List.of(),
        TableContents.differences(then, reports.resolve("as_of=" + AS_OF), "manifest.json", "state.json"));

    Outcome missing =
        run(samples, input, warehouse, reports, "report", "--as-of", AS_OF, "--as-of-version", "999");
    assertEquals(ExitCode.CONFIGURATION, missing.code, missing.err);
    assertTrue(missing.err.contains("order_lines has no version 999"), missing.err);
  }

  private record Outcome(int code, String err) {}

  private static Outcome run(Path samples, Path input, Path warehouse, Path reports, String... commandAndOptions) {
    List<String> args = new ArrayList<>(List.of(commandAndOptions));
    args.addAll(
        List.of(
            "--input", input.toString(),
            "--reference", samples.resolve("reference").toString(),
            "--config", samples.resolve("config").toString(),
            "--warehouse", warehouse.toString(),
            "--reports", reports.toString(),
            "--master", "local[2]"));
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Outcome(code, err.toString());
  }

  private static long orderLinesVersion(Path warehouse) throws IOException {
    return Json.MAPPER.readTree(Files.readString(warehouse.resolve("_state/ledger.json")))
        .get("orderLinesVersion")
        .asLong();
  }
}
