package com.channelexpansion.progress;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable log line per job step: its name, what it counted and how long it took.
 *
 * <p>It lives in {@code progress}, a package that imports nothing of the project, so every stage
 * (ingest, report, cli) can log without one of them depending on another.
 */
public final class StepLog {
  private static final Logger LOG = LoggerFactory.getLogger("com.channelexpansion.job");

  private final String step;
  private final long startNanos = System.nanoTime();

  private StepLog(String step) {
    this.step = step;
  }

  public static StepLog start(String step) {
    return new StepLog(step);
  }

  /** Seconds since the step started. */
  public double seconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Logs "step: detail (1.2 s)" and returns the seconds, for the manifest's timings. */
  public double done(String detail) {
    double seconds = seconds();
    LOG.info(String.format(Locale.ROOT, "%-10s %s (%.1f s)", step, detail, seconds));
    return seconds;
  }

  public static void info(String message) {
    LOG.info(message);
  }

  public static void warn(String message) {
    LOG.warn(message);
  }
}
