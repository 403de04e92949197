package com.channelexpansion.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.channelexpansion.cli.ChannelExpansion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in this JVM (the shared SparkSession), as a user would type it. */
public final class CommandLine {
  private CommandLine() {}

  /** Runs {@code args} and fails the test, with what stderr said, unless it exits 0. */
  public static void succeed(List<String> args) {
    StringWriter err = new StringWriter();
    int code =
        ChannelExpansion.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
    assertEquals(0, code, err.toString());
  }
}
