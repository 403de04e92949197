package com.channelexpansion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code report}: build the reports for one as-of date from the warehouse. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Build the channel-expansion reports for one as-of date from the warehouse: customers,"
            + " revenue matrix, commissions, executive summary.")
final class ReportCommand implements Callable<Integer> {
  @Mixin JobOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (JobRun run = JobRun.open(options, spec.commandLine().getOut())) {
      run.report(null);
    }
    return ExitCode.SUCCESS;
  }
}
