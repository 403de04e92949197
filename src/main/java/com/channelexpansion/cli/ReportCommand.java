package com.channelexpansion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(
      names = "--from",
      description = "Backfill: first as-of date of a range (with --to); each date gets its folder.")
  LocalDate from;

  @Option(names = "--to", description = "Backfill: last as-of date of the range, inclusive.")
  LocalDate to;

  @Option(
      names = "--as-of-version",
      paramLabel = "N",
      description =
          "Report on order_lines as it was at its version N (a past night's data, see"
              + " docs/operations.md); the ingest manifests and logs name each night's version.")
  Long orderLinesVersion;

  @Override
  public Integer call() throws Exception {
    if ((from == null) != (to == null) || (from != null && options.asOf != null)) {
      throw new ParameterException(
          spec.commandLine(), "Give either --as-of, or both --from and --to");
    }
    if (orderLinesVersion != null && from != null) {
      throw new ParameterException(spec.commandLine(), "--as-of-version goes with one --as-of date, not a range");
    }
    if (from != null && from.isAfter(to)) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    try (JobRun run = JobRun.open(options, spec.commandLine().getOut(), true)) {
      if (from == null) {
        run.report(null, run.defaultAsOf(), orderLinesVersion);
      } else {
        // Each date is computed from the warehouse alone, so the order of dates does not matter.
        for (LocalDate asOf = from; !asOf.isAfter(to); asOf = asOf.plusDays(1)) {
          run.report(null, asOf, null);
        }
      }
    }
    return ExitCode.SUCCESS;
  }
}
