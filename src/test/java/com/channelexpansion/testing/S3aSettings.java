package com.channelexpansion.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop S3A settings for an S3-compatible server, in one place (docs/operations.md, "S3"):
 * the job gets them as a user passes them, {@code -Dspark.hadoop.fs.s3a.*=...} in JAVA_OPTS for
 * the launcher or {@code --conf spark.hadoop.fs.s3a.*=...} for spark-submit ({@link
 * #javaOptions}); the tests' own file system calls use {@link #configuration}. A setting that a
 * table format or store needs on s3a goes into {@link #hadoopSettings}.
 */
public record S3aSettings(String endpoint, String accessKey, String secretKey, String region) {

  public static S3aSettings forEndpoint(String endpoint) {
    return new S3aSettings(endpoint, "channel-expansion-test", "channel-expansion-test-secret", "us-east-1");
  }

  /** The fs.s3a.* keys and values. */
  public Map<String, String> hadoopSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", endpoint);
    settings.put("fs.s3a.endpoint.region", region);
    // A local server has no virtual-host bucket names and no TLS.
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.connection.ssl.enabled", "false");
    settings.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.access.key", accessKey);
    settings.put("fs.s3a.secret.key", secretKey);
    return settings;
  }

  /** As JVM options for the launcher's JAVA_OPTS: Spark copies spark.hadoop.* into Hadoop's conf. */
  public List<String> javaOptions() {
    return hadoopSettings().entrySet().stream()
        .map(setting -> "-Dspark.hadoop." + setting.getKey() + "=" + setting.getValue())
        .toList();
  }

  /** A Hadoop configuration with these settings, for the tests' own reads and listings. */
  public Configuration configuration() {
    Configuration conf = new Configuration();
    hadoopSettings().forEach(conf::set);
    return conf;
  }
}
