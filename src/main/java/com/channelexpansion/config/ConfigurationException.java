package com.channelexpansion.config;

/**
 * A definition or reference file that cannot be trusted. The message names the file, the line
 * and the problem, e.g. {@code "commission-plans.csv line 4: negative rate -0.01"}; the run stops
 * before any data is read.
 */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A problem at one line of one file. */
  public static ConfigurationException at(String file, long line, String problem) {
    return new ConfigurationException(file + " line " + line + ": " + problem);
  }
}
