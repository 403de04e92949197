package com.channelexpansion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ingest}: validate, deduplicate and store the order exports in the warehouse. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Validate, deduplicate and store the order exports in the warehouse.")
final class IngestCommand implements Callable<Integer> {
  @Mixin JobOptions options;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (JobRun run = JobRun.open(options, spec.commandLine().getOut(), false)) {
      run.ingest();
    }
    return ExitCode.SUCCESS;
  }
}
