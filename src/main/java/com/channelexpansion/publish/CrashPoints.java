package com.channelexpansion.publish;

/**
 * Fault injection for the crash-safety tests: when the system property
 * {@code channel-expansion.crash-at} names a point the run reaches, the JVM halts there at once,
 * as a kill -9 would stop it (no shutdown hooks, no cleanup). Inert otherwise.
 */
public final class CrashPoints {
  public static final String PROPERTY = "channel-expansion.crash-at";

  private CrashPoints() {}

  public static void reached(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      Runtime.getRuntime().halt(137);
    }
  }
}
