package com.channelexpansion.cli;

/** Exit codes of the command line; documented in docs/operations.md. */
public final class ExitCode {
  /** The run finished and published its outputs. */
  public static final int SUCCESS = 0;
  /** A defect of the job itself (or an environment failure): nothing new was published. */
  public static final int INTERNAL_ERROR = 1;
  /**
   * The command line is wrong: unknown command or option, a bad value (a date), a path that does
   * not exist or is not a folder where a folder is needed.
   */
  public static final int USAGE = 2;
  /**
   * Configuration or input that cannot be used: a definition, reference or export header file
   * (fix the file and rerun), a Shopify export in a canonical folder, a folder the job cannot read
   * or write, or a customer-key line that is not kind:text.
   */
  public static final int CONFIGURATION = 3;
  /** Too many rejected rows: see failed-runs/&lt;run-id&gt;/rejects/ in the warehouse. */
  public static final int DATA_QUALITY_GATE = 4;
  /** Another run holds the warehouse lock. */
  public static final int LOCK_HELD = 5;

  private ExitCode() {}
}
