package com.channelexpansion.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The versions a manifest records: this job's, Spark's and Java's. */
public final class Versions {
  private Versions() {}

  /** The job's version from the jar manifest, or "development" when run from classes. */
  public static String application() {
    String version = Versions.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  public static Map<String, Object> of(SparkSession spark) {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("channel_expansion", application());
    versions.put("spark", spark.version());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }
}
