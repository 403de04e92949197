package com.channelexpansion.testing;

import com.channelexpansion.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The one local[2] SparkSession all tests of a Surefire JVM share: starting one costs seconds and
 * the first query of a JVM pays class loading, so tests never start their own.
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (session == null) {
      session = SparkSessions.create("channel-expansion-tests", "local[2]", 2);
    }
    return session;
  }
}
