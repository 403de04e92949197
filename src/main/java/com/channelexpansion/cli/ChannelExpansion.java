package com.channelexpansion.cli;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.DataQualityGateException;
import com.channelexpansion.publish.LockHeldException;
import com.channelexpansion.publish.Versions;
import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code nightly} (ingest, then report), {@code ingest}, {@code report} and
 * {@code customer-key} (customer ids for accounts.csv, read from standard input). Every failure ends with a non-zero exit code (see {@link ExitCode}) and one line on stderr
 * saying why; set CHANNEL_EXPANSION_TRACE=1 to also print the stack trace.
 */
@Command(
    name = "channel-expansion",
    mixinStandardHelpOptions = true,
    versionProvider = ChannelExpansion.Version.class,
    description = "Proves with numbers that digital ordering brings new B2B business.",
    subcommands = {
      NightlyCommand.class, IngestCommand.class, ReportCommand.class, CustomerKeyCommand.class
    })
public final class ChannelExpansion implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Standard input of the commands that read it (customer-key); tests pass their own. */
  private final InputStream in;

  private ChannelExpansion(InputStream in) {
    this.in = in;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: nightly, ingest, report or customer-key");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output and error streams. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(System.in, out, err, args);
  }

  /** Runs the command line with the given input, output and error streams. */
  public static int execute(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new ChannelExpansion(in));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          int code = exitCodeOf(exception);
          PrintWriter errors = cmd.getErr();
          errors.println("channel-expansion: " + oneLine(exception));
          if (System.getenv("CHANNEL_EXPANSION_TRACE") != null) {
            exception.printStackTrace(errors);
          }
          errors.flush();
          return code;
        });
    commandLine.setExitCodeExceptionMapper(ChannelExpansion::exitCodeOf);
    return commandLine.execute(args);
  }

  /** The standard input the commands read. */
  InputStream in() {
    return in;
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof CommandLine.ParameterException) {
      return ExitCode.USAGE;
    }
    if (exception instanceof ConfigurationException) {
      return ExitCode.CONFIGURATION;
    }
    if (exception instanceof DataQualityGateException) {
      return ExitCode.DATA_QUALITY_GATE;
    }
    if (exception instanceof LockHeldException) {
      return ExitCode.LOCK_HELD;
    }
    return ExitCode.INTERNAL_ERROR;
  }

  private static String oneLine(Throwable exception) {
    String message = exception.getMessage();
    if (message == null || message.isBlank()) {
      message = "internal error: " + exception.getClass().getName();
    } else if (exitCodeOf(exception) == ExitCode.INTERNAL_ERROR) {
      message = "internal error: " + message;
    }
    return message.replace('\n', ' ').replace('\r', ' ');
  }

  /** The version printed by --version and written in manifests. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"channel-expansion " + Versions.application()};
    }
  }

}
