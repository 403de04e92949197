package com.channelexpansion.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, started for a test and driven over the DevTools protocol on
 * 127.0.0.1 (no WebDriver needed). {@code --no-sandbox} because tests and CI run as root.
 */
final class HeadlessChromium implements AutoCloseable {
  static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");

  private final Process process;
  private final Path profile;
  private final int port;

  private HeadlessChromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  /** The browser binary: $CHROMIUM_BIN, else the first of {@link #BINARIES} on the PATH. */
  static Optional<Path> find() {
    String configured = System.getenv("CHROMIUM_BIN");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : BINARIES) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  static HeadlessChromium start(Path binary, int width, int height) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Process process =
        new ProcessBuilder(
                binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException("Chromium did not start: " + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(100);
    }
    return new HeadlessChromium(process, profile, Integer.parseInt(Files.readAllLines(portFile).get(0).trim()));
  }

  /** A DevTools session on the browser's first page (tab). */
  DevToolsSession openPage() throws IOException, InterruptedException {
    HttpResponse<String> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : new ObjectMapper().readTree(list.body())) {
      if (target.path("type").asText().equals("page")) {
        return DevToolsSession.connect(target.path("webSocketDebuggerUrl").asText());
      }
    }
    throw new IOException("Chromium has no page to drive: " + list.body());
  }

  /**
   * Stops the browser and its helper processes, then deletes the profile. Chromium's network
   * service can still be writing into the profile after the main process exits (CI once saw a
   * file vanish mid-walk), so the children are stopped too and a file that disappears while the
   * tree is deleted is no error.
   */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : children) {
      child.destroyForcibly();
      child.onExit().get(10, TimeUnit.SECONDS);
    }
    deleteTree(profile);
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw failure;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
