package com.channelexpansion.cli;

/** Exit codes of the command line; documented in docs/operations.md. */
public final class ExitCode {
  /** The run finished and published its outputs. */
  public static final int SUCCESS = 0;
  /** Unexpected failure (a bug or an environment problem): nothing new was published. */
  public static final int INTERNAL_ERROR = 1;
  /** Bad command line: unknown command or option, bad value. */
  public static final int USAGE = 2;
  /**
   * A definition, reference or export header file cannot be trusted (fix the file and rerun), or
   * customer-key read a line that is not kind:text.
   */
  public static final int CONFIGURATION = 3;
  /** Too many rejected rows: see failed-runs/&lt;run-id&gt;/rejects/ in the warehouse. */
  public static final int DATA_QUALITY_GATE = 4;
  /** Another run holds the warehouse lock. */
  public static final int LOCK_HELD = 5;

  private ExitCode() {}
}
