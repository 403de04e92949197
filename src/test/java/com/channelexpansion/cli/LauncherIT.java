package com.channelexpansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.channelexpansion.testing.SmallSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user types it: the launcher script, run from the project root,
 * prints where its outputs are and exits 0; a bad option exits 2 with one line; customer-key
 * reads the identities piped to it. Runs after {@code package}, so the launcher finds its jar and
 * classpath.
 */
class LauncherIT {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run launch(List<String> args) throws Exception {
    return launch(args, "");
  }

  private Run launch(List<String> args, String stdin) throws Exception {
    Path in = Files.writeString(dir.resolve("in.txt"), stdin);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command = new java.util.ArrayList<>(List.of("jobs/channel-expansion"));
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the launcher finishes");
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void nightlyPrintsWhereItsOutputsAre() throws Exception {
    Path samples = SmallSamples.generate(dir.resolve("samples"));
    Path warehouse = dir.resolve("warehouse");
    Path reports = dir.resolve("reports");
    Run run =
        launch(
            List.of(
                "nightly",
                "--input", samples.resolve("exports").toString(),
                "--reference", samples.resolve("reference").toString(),
                "--config", samples.resolve("config").toString(),
                "--warehouse", warehouse.toString(),
                "--reports", reports.toString(),
                "--as-of", "2026-10-31"));
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("warehouse: " + warehouse), run.out());
    assertTrue(run.out().contains("reports: " + reports.resolve("as_of=2026-10-31")), run.out());
    assertTrue(Files.exists(reports.resolve("as_of=2026-10-31/_SUCCESS")));
  }

  @Test
  void badUsageExitsTwoWithItsReason() throws Exception {
    Run run = launch(List.of("nightly", "--as-of", "yesterday"));
    assertEquals(ExitCode.USAGE, run.code());
    assertTrue(run.err().contains("--as-of"), run.err());
  }

  @Test
  void customerKeyReadsStandardInput() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        config.resolve("sources.csv"), "folder,format,customer_key\nshop,shopify,0123456789abcdef-test-key\n");
    Run run =
        launch(List.of("customer-key", "--config", config.toString()), "company:Acme Corp\n");
    assertEquals(0, run.code(), run.err());
    // The id ShopifyOrdersFormatTest pins for this company and key.
    assertEquals("company:Acme Corp\tcust_e024b8b567b7d3026128cfdf57161b92\n", run.out());
  }
}
