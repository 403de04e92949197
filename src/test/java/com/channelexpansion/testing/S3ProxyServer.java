package com.channelexpansion.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * An S3 API on 127.0.0.1 for tests: S3Proxy (its jar with dependencies, copied by the build to the
 * path in the system property {@code s3proxy.jar}) in a child JVM of its own, with jclouds'
 * in-memory ("transient") store, on a free port. Its Jetty, Jackson and Guava never meet Spark's.
 * Closing stops it and drops everything stored.
 */
public final class S3ProxyServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final S3aSettings settings;

  private S3ProxyServer(Process process, S3aSettings settings) {
    this.process = process;
    this.settings = settings;
  }

  /** Starts S3Proxy and waits until it accepts connections; its log goes to {@code dir}. */
  public static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "Cannot start S3Proxy: no jar at system property s3proxy.jar (" + jar + "); run through"
              + " failsafe (mvn verify), which copies it");
    }
    int port = freePort();
    S3aSettings settings = S3aSettings.forEndpoint("http://127.0.0.1:" + port);
    Path properties = Files.createDirectories(dir).resolve("s3proxy.properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + settings.endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + settings.accessKey(),
            "s3proxy.credential=" + settings.secretKey(),
            "jclouds.provider=transient",
            "jclouds.identity=" + settings.accessKey(),
            "jclouds.credential=" + settings.secretKey(),
            ""));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-jar", jar, "--properties", properties.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("s3proxy.log").toFile())
            .start();
    S3ProxyServer server = new S3ProxyServer(process, settings);
    server.awaitListening(port, dir.resolve("s3proxy.log"));
    return server;
  }

  public S3aSettings settings() {
    return settings;
  }

  /** A client of the AWS SDK for this server, for what S3A does not do (buckets, raw listing). */
  public S3Client client() {
    return S3Client.builder()
        .endpointOverride(URI.create(settings.endpoint()))
        .forcePathStyle(true)
        .region(Region.of(settings.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
        .build();
  }

  public void createBucket(String bucket) {
    try (S3Client client = client()) {
      client.createBucket(request -> request.bucket(bucket));
    }
  }

  /** Every object in {@code bucket} below {@code prefix}: its key and ETag, in key order. */
  public SortedMap<String, String> objects(String bucket, String prefix) {
    try (S3Client client = client()) {
      SortedMap<String, String> objects = new TreeMap<>();
      client
          .listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
          .contents()
          .forEach(object -> objects.put(object.key(), object.eTag()));
      return objects;
    }
  }

  private void awaitListening(int port, Path log) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited at start:\n" + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("S3Proxy did not listen within " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
