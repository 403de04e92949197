package com.channelexpansion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code nightly}: ingest, then report, in one run (what the scheduler calls). */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Ingest the order exports, then build the reports (what the scheduler runs).")
final class NightlyCommand implements Callable<Integer> {
  @Mixin JobOptions options;

  @Override
  public Integer call() throws Exception {
    try (JobRun run = JobRun.open(options)) {
      run.report(run.ingest());
    }
    return ExitCode.SUCCESS;
  }
}
