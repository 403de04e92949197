package com.channelexpansion.cli;

import com.channelexpansion.config.ConfigurationException;
import com.channelexpansion.ingest.DataQualityGateException;
import com.channelexpansion.io.UnusableFolderException;
import com.channelexpansion.publish.LockHeldException;
import com.channelexpansion.publish.Versions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code nightly} (ingest, then report), {@code ingest}, {@code report} and
 * {@code customer-key} (customer ids for accounts.csv, read from standard input). Every failure
 * ends with a non-zero exit code (see {@link ExitCode}) and exactly one line on stderr starting
 * {@code channel-expansion: } and saying why (a usage error points to --help instead of printing
 * it); set CHANNEL_EXPANSION_TRACE=1 to also print the stack trace.
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
  /** Longest stderr line a failure prints (the trace variable shows the rest). */
  private static final int MAX_LINE = 1000;

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
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          PrintWriter errors = exception.getCommandLine().getErr();
          errors.println(
              "channel-expansion: " + oneLine(exception) + " (see "
                  + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
          errors.flush();
          return ExitCode.USAGE;
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
    if (exception instanceof ConfigurationException
        || exception instanceof UnusableFolderException
        || accessDenied(exception) != null) {
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

  /**
   * The file whose access the operating system denied, anywhere in the exception's causes, or
   * null: a folder the job cannot read or write is the user's to fix (exit 3), wherever it shows.
   */
  private static String accessDenied(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof AccessDeniedException denied) {
        return denied.getFile();
      }
    }
    return null;
  }

  /**
   * The one stderr line's text: the message's first line (Spark and Hadoop put stack traces and
   * query plans in later lines), cut at {@value #MAX_LINE} characters.
   */
  static String oneLine(Throwable exception) {
    String denied = accessDenied(exception);
    String message = exception.getMessage();
    boolean explained =
        exception instanceof ConfigurationException || exception instanceof UnusableFolderException;
    if (denied != null && !explained) {
      message = "Cannot access " + denied + ": permission denied (give the job's user access to it)";
    } else if (message == null || message.isBlank()) {
      message = "internal error: " + exception.getClass().getName();
    } else if (exitCodeOf(exception) == ExitCode.INTERNAL_ERROR) {
      message = "internal error: " + message;
    }
    String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message).strip();
    return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
  }

  /** The version printed by --version and written in manifests. */
  public static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"channel-expansion " + Versions.application()};
    }
  }

}
