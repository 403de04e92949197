package com.channelexpansion.cli;

import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every command takes (PRODUCT.md, Command line). */
public final class JobOptions {
  @Option(
      names = "--input",
      defaultValue = "data-samples/exports",
      description = "Folder of order export CSV files, read recursively (default: ${DEFAULT-VALUE}).")
  String input;

  @Option(
      names = "--reference",
      defaultValue = "data-samples/reference",
      description = "Folder with accounts.csv, reps.csv, quotas.csv, fx_rates.csv (default: ${DEFAULT-VALUE}).")
  String reference;

  @Option(
      names = "--config",
      defaultValue = "data-samples/config",
      description =
          "Folder with settings.csv, channel-definitions.csv, commission-plans.csv,"
              + " commission-tiers.csv (default: ${DEFAULT-VALUE}).")
  String config;

  @Option(
      names = "--warehouse",
      defaultValue = "out/warehouse",
      description = "Warehouse folder or Hadoop URI: order_lines/, rejects/ (default: ${DEFAULT-VALUE}).")
  String warehouse;

  @Option(
      names = "--reports",
      defaultValue = "out/reports",
      description = "Reports folder or Hadoop URI: as_of=YYYY-MM-DD/ per run (default: ${DEFAULT-VALUE}).")
  String reports;

  @Option(
      names = "--as-of",
      description = "Last order date the reports count, yyyy-MM-dd (default: yesterday in time_zone).")
  LocalDate asOf;

  @Option(
      names = "--master",
      description =
          "Spark master, e.g. local[*] or spark://host:7077 (default: local[*], or the master"
              + " spark-submit gives).")
  String master;

  /** The command these options belong to, for usage errors. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /**
   * Checks the local folders before any work (exit 2 when one is wrong): --input, --reference and
   * --config must be folders; --warehouse and, when the command writes reports, --reports must be
   * folders or paths that can be created.
   */
  void checkFolders(boolean writesReports) {
    FolderOptions.existing(command.commandLine(), "--input", input);
    FolderOptions.existing(command.commandLine(), "--reference", reference);
    FolderOptions.existing(command.commandLine(), "--config", config);
    FolderOptions.creatable(command.commandLine(), "--warehouse", warehouse);
    if (writesReports) {
      FolderOptions.creatable(command.commandLine(), "--reports", reports);
    }
  }

  /** The master to set, or null to leave it to spark-submit. */
  String sparkMaster() {
    if (master != null) {
      return master;
    }
    return System.getProperty("spark.master") != null ? null : "local[*]";
  }
}
