package com.channelexpansion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nightly}: ingest, then report, in one run (what the scheduler calls). */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Ingest the order exports, then build the reports (what the scheduler runs).")
final class NightlyCommand implements Callable<Integer> {
  @Mixin JobOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (JobRun run = JobRun.open(options, spec.commandLine().getOut(), true)) {
      run.report(run.ingest(), run.defaultAsOf(), null);
    }
    return ExitCode.SUCCESS;
  }
}
